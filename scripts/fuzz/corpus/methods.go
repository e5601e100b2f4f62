package p
func (r *R) M(a, b int, c ...string) (x int, err error) { return }
func (R[T]) N() {}
