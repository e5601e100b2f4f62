package p
var r = []rune{'a', '\n', '\x41', '\101', '\u00e9', '\U0001F600', '\'', 'é'}
