package p

// comment
var s = `a
b`
/* c
*/ */
