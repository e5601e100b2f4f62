// Command hello greets the world and shows a few things gotool handles.
package main

import (
	"fmt"
	"strings"
)

// Greeting returns the greeting for name.
func Greeting(name string) string {
	if name == "" {
		name = "world"
	}
	return fmt.Sprintf("Hello, %s!", strings.TrimSpace(name))
}

func main() {
	fmt.Println(Greeting(""))
}
