package p
var r = []rune{'', 'ab', '\q', '\400', '\uD800', '\U00110000', 'x
