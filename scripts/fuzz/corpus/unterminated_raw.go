package p
var s = `never closed
