package p
type (
	S struct { a, b int; c string `tag:"x"`; *E }
	I interface { M(int) error }
	F func(...int) (int, error)
	C chan<- <-chan int
	M map[string][]*S
)
