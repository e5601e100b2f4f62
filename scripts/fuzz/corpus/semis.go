package p
func f() int {
	x++
	y--
	return x /* c */
}
func g() { for { break }; continue }
