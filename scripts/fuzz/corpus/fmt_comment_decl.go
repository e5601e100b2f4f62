package p
var b int
/*c*/var d int
