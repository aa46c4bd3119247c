// Package english holds the small rules of English that the app's words,
// in the window, the reports and the command line, follow alike.
package english

import (
	"fmt"
	"strings"
)

// Count is n with the noun, made plural by English's regular rules
// unless n is 1: "1 action", "3 actions", "2 agencies", "4 challenges",
// "2 days", "3 boxes".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %s", n, Plural(noun))
}

// Plural is the regular plural of a noun: agency → agencies, but day →
// days; box, church, wish and bus take -es; any other noun takes -s.
func Plural(noun string) string {
	switch {
	case len(noun) > 1 && strings.HasSuffix(noun, "y") && !strings.ContainsAny(noun[len(noun)-2:len(noun)-1], "aeiou"):
		return noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

// Verb is the verb that goes with n things: "1 challenge awaits",
// "2 challenges await" (one, many).
func Verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
