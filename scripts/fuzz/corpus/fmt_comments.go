//go:build linux && !cgo
// +build linux,!cgo

// Package com has comments in awkward places.
//
// A list:
//   - one
//   - two
//
//	code block
//
// # Heading
package com /* after name */

/* before */ func /* in */ f( /* param */ a int /* after */ ) /* res */ {
	x := 1 /* mid */ + 2 // end
	// alone

	/* block
	   spanning */
	_ = x
} // after brace

type I interface {
	// M does.
	M() // m
	~int | string
}
