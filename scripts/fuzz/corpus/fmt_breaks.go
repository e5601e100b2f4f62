package br

func long(a, b, c int,
	d string) (e error,
	f bool) {
	call(a,
		b, c,
	)
	x := a*b + c/d - e<<2 &^ f
	y := a+b == c && d || !e
	v := []int{1,
		2, 3}
	w := func() { go func() {}(); defer f() }
	select {
	case x := <-ch:
	case ch <- 1:
	default:
	}
	switch t := x.(type) {
	case int, string:
	}
	return
}
