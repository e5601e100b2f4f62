// Package p.
package p // trailing

/* block */ var x = 1 /* inline */ + 2 // end
/* multi
   line */
