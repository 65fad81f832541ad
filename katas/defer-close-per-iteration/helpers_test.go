package export_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	export "gokata.dev/katas/defer-close-per-iteration"
)

var errTooManyOpenFiles = errors.New("too many open files")

// fakeSite stands in for the file system: it hands out report files and keeps
// count of what is open, what was opened and what was closed.
type fakeSite struct {
	limit      int              // opening more than limit files at once fails; 0 means no limit
	failOpenOf map[string]error // open of these names fails with the given error

	open      map[string]bool
	maxOpen   int
	opened    []string
	closes    map[string]int
	readAfter []string // names read after they were closed
}

func newFakeSite() *fakeSite {
	return &fakeSite{open: map[string]bool{}, closes: map[string]int{}, failOpenOf: map[string]error{}}
}

func content(name string) string { return "ePRO report " + name }

func (s *fakeSite) Open(name string) (io.ReadCloser, error) {
	if err, ok := s.failOpenOf[name]; ok {
		return nil, err
	}
	if s.limit > 0 && len(s.open) >= s.limit {
		return nil, fmt.Errorf("open %s: %w", name, errTooManyOpenFiles)
	}
	s.open[name] = true
	s.maxOpen = max(s.maxOpen, len(s.open))
	s.opened = append(s.opened, name)
	return &fakeReport{site: s, name: name, r: strings.NewReader(content(name))}, nil
}

type fakeReport struct {
	site   *fakeSite
	name   string
	r      *strings.Reader
	closed bool
}

func (f *fakeReport) Read(p []byte) (int, error) {
	if f.closed {
		f.site.readAfter = append(f.site.readAfter, f.name)
		return 0, errors.New("read of a closed report")
	}
	return f.r.Read(p)
}

func (f *fakeReport) Close() error {
	f.site.closes[f.name]++
	if f.closed {
		return errors.New("close of a closed report")
	}
	f.closed = true
	delete(f.site.open, f.name)
	return nil
}

// checkAllClosedOnce fails the test unless every opened report was closed
// exactly once and nothing is still open.
func (s *fakeSite) checkAllClosedOnce(t *testing.T) {
	t.Helper()
	var problems []string
	for _, name := range s.opened {
		switch n := s.closes[name]; {
		case n == 0:
			problems = append(problems, fmt.Sprintf("report %s was opened but never closed: "+
				"a file handle leaks on every run", name))
		case n > 1:
			problems = append(problems, fmt.Sprintf("report %s was closed %d times; want exactly once "+
				"(a second Close on a real file returns an error, and on a recycled descriptor can close "+
				"someone else's file)", name, n))
		}
	}
	for i, p := range problems {
		if i == 3 {
			t.Errorf("... and %d more like these", len(problems)-3)
			break
		}
		t.Error(p)
	}
}

func reportNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("site-%03d.xml", i+1)
	}
	return names
}

// readAll is a process function that reads the whole report and records it.
func readAll(got map[string]string) func(string, io.Reader) error {
	return func(name string, r io.Reader) error {
		b, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		got[name] = string(b)
		return nil
	}
}

// runExport calls ExportAll and turns an unexpected panic into a test failure
// with a readable message, so one crash does not hide the other results.
func runExport(t *testing.T, names []string, open export.Opener, process func(string, io.Reader) error) (err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("ExportAll panicked: %v", p)
		}
	}()
	return export.ExportAll(names, open, process)
}
