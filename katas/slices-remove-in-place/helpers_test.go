package roster_test

import (
	"fmt"
	"strings"

	roster "gokata.dev/katas/slices-remove-in-place"
)

// rosterOf builds a roster from a pattern such as "KWKKW": K keeps, W withdraws.
func rosterOf(pattern string) []*roster.PatientRecord {
	r := make([]*roster.PatientRecord, len(pattern))
	for i, c := range pattern {
		r[i] = &roster.PatientRecord{
			PatientID: fmt.Sprintf("P%03d", i+1),
			SiteID:    "SITE-01",
			Withdrawn: c == 'W',
		}
	}
	return r
}

func ids(rs []*roster.PatientRecord) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(' ')
		}
		if r == nil {
			b.WriteString("nil")
		} else {
			b.WriteString(r.PatientID)
		}
	}
	return "[" + b.String() + "]"
}

func keptIDs(pattern string) string {
	var want []*roster.PatientRecord
	for _, r := range rosterOf(pattern) {
		if !r.Withdrawn {
			want = append(want, r)
		}
	}
	return ids(want)
}
