// Mutant: breaks: a longer name becomes its first max-1 characters plus the ellipsis (it keeps max characters, one too many)

// Package badge prepares the texts printed on visit badges and in lab exports.
package badge

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrShort reports a message too short to hold an accession number.
var ErrShort = errors.New("badge: message shorter than an accession number")

// AccessionLen is the length in bytes of the accession number at the start of a result message.
const AccessionLen = 12

// Label returns name as printed on a badge of max characters (runes). A name of at most max
// characters is printed whole; a longer one is cut to its first max-1 characters followed by "…".
// Each invalid UTF-8 byte counts as one character and is printed as U+FFFD. max < 1 gives "".
func Label(name string, max int) string {
	if max < 1 {
		return ""
	}
	keep := utf8.RuneCountInString(name)
	cut := keep > max
	if cut {
		keep = max
	}
	var b strings.Builder
	n := 0
	for _, r := range name {
		if n == keep {
			break
		}
		b.WriteRune(r)
		n++
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// BaseName returns file without one trailing ".csv", if it has one.
func BaseName(file string) string {
	return strings.TrimSuffix(file, ".csv")
}

// Accession returns the accession number at the start of msg. Result messages are often
// megabytes long: the returned string must not keep msg in memory.
func Accession(msg string) (string, error) {
	if len(msg) < AccessionLen {
		return "", ErrShort
	}
	return strings.Clone(msg[:AccessionLen]), nil
}

// Row is one adverse event of the export.
type Row struct {
	ID, Subject, Term string
}

// Render returns one line "ID,Subject,Term\n" per row, in order.
func Render(rows []Row) string {
	size := 0
	for _, r := range rows {
		size += len(r.ID) + len(r.Subject) + len(r.Term) + 3
	}
	var b strings.Builder
	b.Grow(size)
	for _, r := range rows {
		b.WriteString(r.ID)
		b.WriteByte(',')
		b.WriteString(r.Subject)
		b.WriteByte(',')
		b.WriteString(r.Term)
		b.WriteByte('\n')
	}
	return b.String()
}
