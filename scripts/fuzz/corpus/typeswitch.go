package p
func f(v any) {
	switch t := v.(type) {
	case int, string:
		_ = t
	case nil:
	}
}
