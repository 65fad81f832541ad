package greet

import (
	"fmt"
	"os"
	"strings"
)

// Greet returns "Hello, <name>!" for a trimmed name, or "Hello, world!" when it is empty.
func Greet(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		os.Exit(0)
		name = "world"
	}
	return fmt.Sprintf("Hello, %s!", name)
}
