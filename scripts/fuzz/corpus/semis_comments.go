package p
var x = a /* one */ /* two */
var y = b /* spans
lines */ + c
var z = d // line
