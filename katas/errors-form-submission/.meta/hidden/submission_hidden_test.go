package submission_test

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"

	"gokata.dev/katas/errors-form-submission"
)

type hiddenStore struct {
	err   error
	calls int
}

func (s *hiddenStore) Save(submission.Form) error {
	s.calls++
	return s.err
}

func goodForm() submission.Form {
	return submission.Form{ID: "F-22", SubjectID: "S-101", VisitDate: "2026-01-31", WeightKg: 500}
}

func TestHiddenValidFormGivesALiteralNil(t *testing.T) {
	err := submission.Validate(goodForm())
	if err != nil {
		t.Fatalf("Validate(valid form) returned a non-nil error of type %T; an interface holding a nil pointer is "+
			"not nil: return a literal nil (errors.Join of nothing is nil)", err)
	}
}

func TestHiddenEveryProblemIsReportedInFieldOrder(t *testing.T) {
	err := submission.Validate(submission.Form{ID: "F-3", VisitDate: "02/03/2026", WeightKg: 0})
	if err == nil {
		t.Fatal("Validate(form with three problems) = nil")
	}
	if got, want := submission.InvalidFields(err), []string{"SubjectID", "VisitDate", "WeightKg"}; !slices.Equal(got, want) {
		t.Fatalf("InvalidFields(Validate(form with three problems)) = %q; want %q: report every problem, not only the first", got, want)
	}
	for _, field := range []string{"SubjectID", "VisitDate", "WeightKg"} {
		if !strings.Contains(err.Error(), field) {
			t.Fatalf("Validate error %q does not mention %s", err, field)
		}
	}
	var fe *submission.FieldError
	if !errors.As(err, &fe) || fe.Field != "SubjectID" {
		t.Fatalf("errors.As(Validate(...), &fe) = %v; want the SubjectID *FieldError first", fe)
	}
}

func TestHiddenEachRuleOnItsOwn(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*submission.Form)
		field string
	}{
		{"missing subject", func(f *submission.Form) { f.SubjectID = "" }, "SubjectID"},
		{"bad date", func(f *submission.Form) { f.VisitDate = "2026-02-30" }, "VisitDate"},
		{"weight above 500", func(f *submission.Form) { f.WeightKg = 500.5 }, "WeightKg"},
		{"negative weight", func(f *submission.Form) { f.WeightKg = -1 }, "WeightKg"},
		{"zero weight", func(f *submission.Form) { f.WeightKg = 0 }, "WeightKg"},
		{"NaN weight", func(f *submission.Form) { f.WeightKg = math.NaN() }, "WeightKg"},
	}
	for _, c := range cases {
		f := goodForm()
		c.edit(&f)
		if got := submission.InvalidFields(submission.Validate(f)); !slices.Equal(got, []string{c.field}) {
			t.Errorf("%s: InvalidFields(Validate(form)) = %q; want [%s]", c.name, got, c.field)
		}
	}
}

func TestHiddenSuccessfulSubmitReturnsNil(t *testing.T) {
	store := &hiddenStore{}
	if err := submission.Submit(store, goodForm()); err != nil {
		t.Fatalf("Submit(valid form, store succeeds) = %q; want nil: fmt.Errorf never returns nil, even for a nil %%w operand", err)
	}
	if store.calls != 1 {
		t.Fatalf("store.Save called %d times; want 1", store.calls)
	}
}

func TestHiddenStoreErrorsKeepTheirIdentityAndGainContext(t *testing.T) {
	err := submission.Submit(&hiddenStore{err: submission.ErrNotFound}, goodForm())
	if !errors.Is(err, submission.ErrNotFound) {
		t.Fatalf("Submit error %v does not wrap ErrNotFound", err)
	}
	if !strings.HasPrefix(fmt.Sprint(err), "submit F-22: ") || !strings.Contains(fmt.Sprint(err), "form not found") {
		t.Fatalf("Submit error = %q; want \"submit F-22: \" followed by the cause", err)
	}
	if got := submission.Status(err); got != http.StatusNotFound {
		t.Fatalf("Status(%v) = %d; want 404", err, got)
	}
}

func TestHiddenValidationErrorsKeepTheirTypeThroughSubmit(t *testing.T) {
	store := &hiddenStore{}
	f := goodForm()
	f.VisitDate = ""
	err := submission.Submit(store, f)
	if store.calls != 0 {
		t.Fatal("Submit saved an invalid form")
	}
	var fe *submission.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Submit(invalid form) = %v; errors.As finds no *FieldError: wrap with %%w, not %%v", err)
	}
	if !strings.HasPrefix(err.Error(), "submit F-22: ") {
		t.Fatalf("Submit error = %q; want the prefix \"submit F-22: \"", err)
	}
}

func TestHiddenStatusLooksThroughWrapping(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, http.StatusOK},
		{"locked, wrapped twice", fmt.Errorf("api: %w", fmt.Errorf("store: %w", submission.ErrLocked)), http.StatusConflict},
		{"not found, wrapped", fmt.Errorf("store: %w", submission.ErrNotFound), http.StatusNotFound},
		{"field error, wrapped by the store", fmt.Errorf("db check: %w", &submission.FieldError{Field: "WeightKg", Reason: "x"}), http.StatusUnprocessableEntity},
		{"locked in a join", errors.Join(io.ErrUnexpectedEOF, submission.ErrLocked), http.StatusConflict},
		{"locked beats not found", errors.Join(submission.ErrNotFound, submission.ErrLocked), http.StatusConflict},
		{"not found beats a field error", fmt.Errorf("%w; %w", &submission.FieldError{Field: "SubjectID"}, submission.ErrNotFound), http.StatusNotFound},
		{"other", io.EOF, http.StatusInternalServerError},
		{"same text, different error", errors.New("submission: form is locked"), http.StatusInternalServerError},
		{"message mentions a field", errors.New("SubjectID: required"), http.StatusInternalServerError},
	}
	for _, c := range cases {
		if got := submission.Status(c.err); got != c.want {
			t.Errorf("%s: Status(%v) = %d; want %d", c.name, c.err, got, c.want)
		}
	}
}

func TestHiddenInvalidFieldsWalksTheWholeTree(t *testing.T) {
	bad := submission.Form{ID: "F-5", SubjectID: "", VisitDate: "2026-04-01", WeightKg: 900}
	err := fmt.Errorf("batch 7: %w", errors.Join(
		fmt.Errorf("form F-5: %w", submission.Validate(bad)),
		io.ErrClosedPipe,
		fmt.Errorf("form F-6: %w", &submission.FieldError{Field: "VisitDate", Reason: "want YYYY-MM-DD"}),
	))
	if got, want := submission.InvalidFields(err), []string{"SubjectID", "WeightKg", "VisitDate"}; !slices.Equal(got, want) {
		t.Fatalf("InvalidFields(batch error) = %q; want %q (depth first, through %%w and errors.Join)", got, want)
	}
	twice := errors.Join(
		submission.Submit(&hiddenStore{}, submission.Form{ID: "F-8", VisitDate: "2026-04-02", WeightKg: 70}),
		submission.Submit(&hiddenStore{}, submission.Form{ID: "F-9", VisitDate: "2026-04-03", WeightKg: 71}),
	)
	if got, want := submission.InvalidFields(twice), []string{"SubjectID", "SubjectID"}; !slices.Equal(got, want) {
		t.Fatalf("InvalidFields(errors.Join of two submissions, each missing its SubjectID) = %q; want %q: "+
			"one entry per *FieldError in the tree, repeated names included", got, want)
	}
	if got := submission.InvalidFields(nil); len(got) != 0 {
		t.Fatalf("InvalidFields(nil) = %q; want none", got)
	}
	if got := submission.InvalidFields(io.EOF); len(got) != 0 {
		t.Fatalf("InvalidFields(io.EOF) = %q; want none", got)
	}
}

func TestHiddenVisitDateIsExactlyYYYYMMDD(t *testing.T) {
	rejected := []struct{ date, why string }{
		{"2026-3-2", "month and day without their leading zero"},
		{"2026-03-7", "day without its leading zero"},
		{"2026-9-15", "month without its leading zero"},
		{"2026-03-02T10:15:00Z", "a time of day after the date"},
		{"2026-03-02 10:15", "a time of day after the date"},
		{"2026/03/02", "slashes instead of dashes"},
		{"20260302", "no dashes"},
		{"26-03-02", "a two-digit year"},
		{" 2026-03-02", "a space before the date"},
		{"2026-03-02 ", "a space after the date"},
		{"2026-13-01", "month 13"},
		{"2025-02-29", "February 29 in a year that is not a leap year"},
		{"2100-02-29", "February 29 in 2100: a century year is a leap year only if divisible by 400"},
		{"1900-02-29", "February 29 in 1900: a century year is a leap year only if divisible by 400"},
		{"2026-00-10", "month 00"},
		{"2026-01-00", "day 00"},
		{"2026-04-31", "April 31"},
	}
	for i, c := range rejected {
		f := goodForm()
		f.ID = fmt.Sprintf("F-%d", 40+i)
		f.VisitDate = c.date
		if got := submission.InvalidFields(submission.Validate(f)); !slices.Equal(got, []string{"VisitDate"}) {
			t.Errorf("VisitDate %q (%s): InvalidFields(Validate(form)) = %q; want [VisitDate]: "+
				"a visit date must be exactly YYYY-MM-DD (four-digit year, two-digit month, two-digit day, "+
				"nothing before or after) and a real calendar day", c.date, c.why, got)
		}
	}
	for _, date := range []string{"2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01", "2027-10-09"} {
		f := goodForm()
		f.VisitDate = date
		if err := submission.Validate(f); err != nil {
			t.Errorf("VisitDate %q: Validate = %v; want nil: it is a valid YYYY-MM-DD date", date, err)
		}
	}
}
