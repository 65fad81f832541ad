// Mutant (blind: written from the README and starter only).
// Flaw: a hand-written date check that treats every year divisible by 4 as a leap year, so 1900-02-29 and
// 2100-02-29 are accepted.
// Violates: "VisitDate must parse as YYYY-MM-DD (time.DateOnly): a real calendar day"

// Package submission validates case report forms, saves them and tells the HTTP layer what went wrong.
package submission

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrLocked reports a form that was locked for data review and can no longer change.
var ErrLocked = errors.New("submission: form is locked")

// ErrNotFound reports a form the store does not know.
var ErrNotFound = errors.New("submission: form not found")

// FieldError reports one invalid field of a form.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// Form is one case report form.
type Form struct {
	ID        string
	SubjectID string
	VisitDate string // YYYY-MM-DD
	WeightKg  float64
}

// Store saves forms.
type Store interface {
	Save(f Form) error
}

// Validate returns nil for a valid form, or an error that joins one *FieldError per invalid field.
func Validate(f Form) error {
	var errs []error
	if f.SubjectID == "" {
		errs = append(errs, &FieldError{Field: "SubjectID", Reason: "required"})
	}
	if !validDate(f.VisitDate) {
		errs = append(errs, &FieldError{Field: "VisitDate", Reason: "want YYYY-MM-DD"})
	}
	if !validWeight(f.WeightKg) {
		errs = append(errs, &FieldError{Field: "WeightKg", Reason: "out of range"})
	}
	return errors.Join(errs...)
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	n := 0
	var parts [3]int
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' {
			n++
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		parts[n] = parts[n]*10 + int(c-'0')
	}
	y, m, d := parts[0], parts[1], parts[2]
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if y%4 == 0 {
		days[2] = 29
	}
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m]
}

func validWeight(w float64) bool { return w > 0 && w <= 500 }

// Submit validates f and, if it is valid, saves it.
func Submit(s Store, f Form) error {
	if err := Validate(f); err != nil {
		return fmt.Errorf("submit %s: %w", f.ID, err)
	}
	if err := s.Save(f); err != nil {
		return fmt.Errorf("submit %s: %w", f.ID, err)
	}
	return nil
}

// Status maps an error from Submit to an HTTP status code.
func Status(err error) int {
	var fe *FieldError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrLocked):
		return http.StatusConflict
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &fe):
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// InvalidFields returns the Field of every *FieldError in err's tree, in depth-first order.
func InvalidFields(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if fe, ok := e.(*FieldError); ok {
			out = append(out, fe.Field)
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, c := range u.Unwrap() {
				walk(c)
			}
		}
	}
	walk(err)
	return out
}
