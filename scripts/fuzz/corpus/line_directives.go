package p
//line other.go:10
var a int
//line :20:5
var b int
/*line dir/f.go:3:4*/var c int
//line x.go:0
//line x.go:1:0
