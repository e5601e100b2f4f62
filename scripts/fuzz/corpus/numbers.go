package p

const (
	a = 0x1F + 0o17 + 0b1010 + 017 + 1_000
	b = 1.5e3 + .25 + 0x1p-4 + 0X_1.8P+2
	c = 2i + 1e2i
)
