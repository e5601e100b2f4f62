// Package imp has imports to sort, merge and deduplicate.
package imp

import (
	"z/last" // trailing
	b "bytes"
	"a/first"
	"a/first"

	// doc of c
	. "c/dot"
	_ "a/blank" /* block */
)

import "single"

import ()
