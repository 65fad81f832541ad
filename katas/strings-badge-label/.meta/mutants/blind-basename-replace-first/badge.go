// BaseName: strings.Replace removes the first ".csv" wherever it is ("visits.csv.bak" -> "visits.bak").
package badge

import (
	"errors"
	"strings"
	"unicode/utf8"
)

var ErrShort = errors.New("badge: message shorter than an accession number")

const AccessionLen = 12

func Label(name string, max int) string {
	if max < 1 {
		return ""
	}
	//SHORT
	total := utf8.RuneCountInString(name)
	var b strings.Builder
	n := 0
	for _, r := range name {
		if total > max && n == max-1 {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func BaseName(file string) string {
	return strings.Replace(file, ".csv", "", 1)
}

func Accession(msg string) (string, error) {
	if len(msg) < AccessionLen {
		return "", ErrShort
	}
	return strings.Clone(msg[:AccessionLen]), nil //ACC
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
	b.Grow(n) //GROW
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
