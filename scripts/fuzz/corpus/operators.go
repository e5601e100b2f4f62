package p
func f() {
	a += 1; a -= 1; a *= 2; a /= 2; a %= 3; a &= 1; a |= 2; a ^= 3; a <<= 1; a >>= 1; a &^= 4
	_ = a && b || !c == d != e < f <= g > h >= i
	_ = x &^ y << 2 >> 1 | z ^ w
	c <- <-d
}
