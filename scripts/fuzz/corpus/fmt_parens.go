package par

func f(x int) (int) {
	if (x > 0) {
		return ((x))
	}
	for (x < 10) {
		x++
	}
	switch (x) {
	case (1), ((2)):
	}
	if (T{}) == x {
	}
	for _ = range (xs) {
	}
	return (*T).M(nil) + (<-ch) + -(-x)
}
