// BaseName: also removes .CSV/.Csv (case-insensitive), not only .csv.
// Package badge prepares the texts printed on visit badges and in lab exports.
package badge

import (
	"errors"
	"strings"
	"unicode/utf8"
)

var _ = utf8.RuneError

// ErrShort reports a message too short to hold an accession number.
var ErrShort = errors.New("badge: message shorter than an accession number")

// AccessionLen is the length in bytes of the accession number at the start of a result message.
const AccessionLen = 12

func Label(name string, max int) string {
	if max < 1 {
		return ""
	}
	n := 0
	for range name {
		n++
	}
	var b strings.Builder
	if n <= max {
		for _, r := range name {
			b.WriteRune(r)
		}
		return b.String()
	}
	i := 0
	for _, r := range name {
		if i == max-1 {
			break
		}
		b.WriteRune(r)
		i++
	}
	b.WriteString("…")
	return b.String()
}

func BaseName(file string) string {
	if strings.HasSuffix(strings.ToLower(file), ".csv") {
		return file[:len(file)-4]
	}
	return file
}

func Accession(msg string) (string, error) {
	if len(msg) < AccessionLen {
		return "", ErrShort
	}
	return strings.Clone(msg[:AccessionLen]), nil
}

type Row struct {
	ID, Subject, Term string
}

func Render(rows []Row) string {
	n := 0
	for _, r := range rows {
		n += len(r.ID) + len(r.Subject) + len(r.Term) + 3
	}
	var b strings.Builder
	b.Grow(n)
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
