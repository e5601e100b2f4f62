package gen

type List[T any] struct{ next *List[T]; v T }

func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }

type P[T interface{ *int }] int
type A = List[int]

var _ = Map[[]int, int, string]
var _ = f[a, b](c)
