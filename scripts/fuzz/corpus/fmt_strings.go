package s

var s = "a\tb\x00" + `raw
line` + '\u00e9'
var r = '\''
