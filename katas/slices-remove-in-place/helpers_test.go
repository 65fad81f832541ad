package roster

import (
	"fmt"
	"strings"
)

// rosterOf builds a roster from a pattern such as "KWKKW": K keeps, W withdraws.
func rosterOf(pattern string) []*PatientRecord {
	r := make([]*PatientRecord, len(pattern))
	for i, c := range pattern {
		r[i] = &PatientRecord{
			PatientID: fmt.Sprintf("P%03d", i+1),
			SiteID:    "SITE-01",
			Withdrawn: c == 'W',
		}
	}
	return r
}

func ids(rs []*PatientRecord) string {
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
	var want []*PatientRecord
	for _, r := range rosterOf(pattern) {
		if !r.Withdrawn {
			want = append(want, r)
		}
	}
	return ids(want)
}
