package num

const (
	a = 0X1F
	b = 0O17 + 0B101
	c = 1E10 + 0x1P-2 + 0X1.8P+3
	d = 0123i + 00i + 0_1i + 1E2i
	e = 0xABCDEFi + 1_000 + 0x_1f
	f = .5 + 1. + 01.5E-3
)
