package main

import "testing"

func TestGreeting(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "Hello, world!"},
		{" gopher ", "Hello, gopher!"},
	} {
		if got := Greeting(tc.in); got != tc.want {
			t.Errorf("Greeting(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
