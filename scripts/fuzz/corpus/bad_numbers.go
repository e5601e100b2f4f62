package p
var _ = 09 + 0b2 + 0x + 1__0 + 0x1. + 1e + 0o1.2 + 0b1e1 + 1p3 + 08i
