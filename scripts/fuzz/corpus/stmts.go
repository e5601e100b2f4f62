package p
func f(ch chan int) {
L:
	select {
	case v := <-ch:
		goto L
	default:
	}
	switch x := 1; x {
	case 1: fallthrough
	case 2:
	}
	if a, ok := m[k]; ok { _ = a } else if b { } else { }
	defer func() { recover() }()
	go f(ch)
}
