//go:build linux && !cgo
// +build linux,!cgo

package p

//go:noinline
func f() {}
