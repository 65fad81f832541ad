package submission_test

import (
	"errors"
	"net/http"
	"slices"
	"testing"

	"gokata.dev/katas/errors-form-submission"
)

// fakeStore records the forms it was asked to save and returns err.
type fakeStore struct {
	err   error
	saved []string
}

func (s *fakeStore) Save(f submission.Form) error {
	s.saved = append(s.saved, f.ID)
	return s.err
}

func validForm() submission.Form {
	return submission.Form{ID: "F-1", SubjectID: "S-014", VisitDate: "2026-03-02", WeightKg: 71.5}
}

func TestValidFormIsSaved(t *testing.T) {
	if err := submission.Validate(validForm()); err != nil {
		t.Fatalf("Validate(valid form) = %v (%T); want nil", err, err)
	}
	store := &fakeStore{}
	if err := submission.Submit(store, validForm()); err != nil {
		t.Fatalf("Submit(valid form) = %v; want nil", err)
	}
	if !slices.Equal(store.saved, []string{"F-1"}) {
		t.Fatalf("store saved %v; want [F-1]", store.saved)
	}
}

func TestLockedFormIsAConflict(t *testing.T) {
	err := submission.Submit(&fakeStore{err: submission.ErrLocked}, validForm())
	if !errors.Is(err, submission.ErrLocked) {
		t.Fatalf("Submit with a store returning ErrLocked = %v; want an error wrapping ErrLocked", err)
	}
	if got := submission.Status(err); got != http.StatusConflict {
		t.Fatalf("Status(%v) = %d; want 409", err, got)
	}
}

func TestInvalidFormIsNotSaved(t *testing.T) {
	store := &fakeStore{}
	form := validForm()
	form.SubjectID = ""
	form.WeightKg = -3
	err := submission.Submit(store, form)
	if len(store.saved) != 0 {
		t.Fatalf("Submit saved an invalid form")
	}
	if got := submission.Status(err); got != http.StatusUnprocessableEntity {
		t.Fatalf("Status(%v) = %d; want 422", err, got)
	}
	if got, want := submission.InvalidFields(err), []string{"SubjectID", "WeightKg"}; !slices.Equal(got, want) {
		t.Fatalf("InvalidFields(%v) = %q; want %q", err, got, want)
	}
}
