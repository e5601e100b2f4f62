package p
func f(xs ...int) { g(xs...); _ = xs[1:2:3]; _ = xs[:]; _ = x.(T) }
