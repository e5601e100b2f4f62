package p
var s = "\