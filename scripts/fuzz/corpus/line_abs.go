//line /abs/path.go:1
package p
//line ../rel/y.go:7:8
var _ = 1
