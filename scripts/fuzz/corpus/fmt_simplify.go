package simp

var s = []T{T{1, 2}, T{3, 4}}
var p = []*T{&T{1, 2}}
var mm = map[T]T{T{1}: T{2}}
var aa = [...][]int{[]int{1}, []int{}}

func k(x []int) {
	_ = x[1:len(x)]
	for _ = range x {
	}
	for i, _ := range x {
		_ = i
	}
	for _, _ = range x {
	}
}
