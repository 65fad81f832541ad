// Mutant (red team: written from the README and starter only).
// Flaw: checks the date by hand with a month-length table that gives February 29 days in every year, so 2025-02-29
// is accepted.
// Violates: "VisitDate must parse as YYYY-MM-DD (time.DateOnly)": a real calendar day.

// Package submission validates case report forms, saves them and tells the HTTP layer what went wrong.
package submission

import (
	"errors"
	"fmt"
	"net/http"
	"time"
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

// Validate returns nil for a valid form, or an error that joins one *FieldError per invalid field, in the order
// SubjectID, VisitDate, WeightKg.
func Validate(f Form) error {
	var errs []error
	if f.SubjectID == "" {
		errs = append(errs, &FieldError{Field: "SubjectID", Reason: "required"})
	}
	if !validDate(f.VisitDate) {
		errs = append(errs, &FieldError{Field: "VisitDate", Reason: "want YYYY-MM-DD"})
	}
	// Written as the negation of the valid range: NaN fails every comparison, so "w <= 0 || w > 500" would let it through.
	if !(f.WeightKg > 0 && f.WeightKg <= 500) {
		errs = append(errs, &FieldError{Field: "WeightKg", Reason: "out of range"})
	}
	return errors.Join(errs...) // nil when errs is empty
}

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
	default:
		return http.StatusInternalServerError
	}
}

// InvalidFields returns the Field of every *FieldError in err's tree, in depth-first order.
func InvalidFields(err error) []string {
	var fields []string
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if fe, ok := err.(*FieldError); ok {
			fields = append(fields, fe.Field)
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		}
	}
	walk(err)
	return fields
}

// daysIn is the longest each month can be (February 29 in leap years).
var daysIn = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// validDate reports whether s is YYYY-MM-DD with a month and a day that exist.
func validDate(s string) bool {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return false
	}
	num := func(p string) int {
		v := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn[m-1]
}
