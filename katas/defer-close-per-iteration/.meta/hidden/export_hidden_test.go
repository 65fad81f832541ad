package export_test

import (
	"errors"
	"io"
	"slices"
	"testing"

	export "gokata.dev/katas/defer-close-per-iteration"
)

func TestHiddenThousandsOfReportsUnderAFileLimit(t *testing.T) {
	site := newFakeSite()
	site.limit = 64 // like a process with a low open-files limit
	names := reportNames(2000)
	got := map[string]string{}

	err := runExport(t, names, site.Open, readAll(got))

	if errors.Is(err, errTooManyOpenFiles) {
		t.Fatalf("ExportAll hit the open-files limit (%v) after %d reports: reports stay open until ExportAll "+
			"returns instead of being closed one by one", err, len(site.opened))
	}
	if err != nil {
		t.Fatalf("ExportAll returned %v; want nil", err)
	}
	if len(got) != len(names) || site.maxOpen != 1 {
		t.Fatalf("processed %d of %d reports with up to %d open at once; want all of them, one open at a time",
			len(got), len(names), site.maxOpen)
	}
	site.checkAllClosedOnce(t)
}

func TestHiddenOpenFailureStopsAndClosesEarlierReports(t *testing.T) {
	site := newFakeSite()
	errMissing := errors.New("no such file")
	site.failOpenOf["site-004.xml"] = errMissing

	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("ExportAll panicked when a report could not be opened: %v. When open fails there is "+
					"no report to close, so nothing may be called on the (nil) result.", p)
			}
		}()
		err = export.ExportAll(reportNames(6), site.Open, readAll(map[string]string{}))
	}()

	if !errors.Is(err, errMissing) {
		t.Fatalf("ExportAll returned %v; want an error wrapping the open error %v", err, errMissing)
	}
	if want := reportNames(3); !slices.Equal(site.opened, want) {
		t.Fatalf("opened %q; want %q (stop at the report that cannot be opened)", site.opened, want)
	}
	site.checkAllClosedOnce(t)
}

func TestHiddenProcessErrorOpensNothingMore(t *testing.T) {
	site := newFakeSite()
	errSchema := errors.New("schema violation")
	process := func(name string, r io.Reader) error {
		if _, err := io.ReadAll(r); err != nil {
			return err
		}
		if name == "site-003.xml" {
			return errSchema
		}
		return nil
	}

	err := runExport(t, reportNames(8), site.Open, process)

	if !errors.Is(err, errSchema) {
		t.Fatalf("ExportAll returned %v; want an error wrapping %v", err, errSchema)
	}
	if want := reportNames(3); !slices.Equal(site.opened, want) {
		t.Fatalf("opened %q; want %q: after a failed report, ExportAll stops", site.opened, want)
	}
	if site.maxOpen != 1 {
		t.Fatalf("up to %d reports were open at once; want 1", site.maxOpen)
	}
	site.checkAllClosedOnce(t)
}

func TestHiddenPanicInProcessClosesAndPropagates(t *testing.T) {
	site := newFakeSite()
	type crash struct{ report string }
	process := func(name string, r io.Reader) error {
		if name == "site-005.xml" {
			panic(crash{name})
		}
		return nil
	}

	var recovered any
	func() {
		defer func() { recovered = recover() }()
		err := export.ExportAll(reportNames(9), site.Open, process)
		t.Errorf("ExportAll returned %v although process panicked; want the panic to reach the caller "+
			"unchanged (recovering it hides a crash in the converter behind an ordinary error)", err)
	}()

	if recovered != (crash{"site-005.xml"}) {
		t.Fatalf("the caller recovered %v; want the original panic value %v", recovered, crash{"site-005.xml"})
	}
	if len(site.open) != 0 {
		t.Errorf("%d report(s) still open after the panic: %v. Only a deferred call runs while a panic "+
			"unwinds the stack; a Close after process() never runs.", len(site.open), site.open)
	}
	site.checkAllClosedOnce(t)
}

func TestHiddenReportsAreOpenWhileProcessedAndClosedOnce(t *testing.T) {
	site := newFakeSite()
	got := map[string]string{}

	if err := runExport(t, reportNames(5), site.Open, readAll(got)); err != nil {
		t.Fatalf("ExportAll returned %v; want nil", err)
	}
	if len(site.readAfter) > 0 {
		t.Fatalf("reports %q were read after being closed: close a report only after process returns",
			site.readAfter)
	}
	site.checkAllClosedOnce(t)
}

func TestHiddenNoReportsNoWork(t *testing.T) {
	site := newFakeSite()
	if err := runExport(t, nil, site.Open, readAll(map[string]string{})); err != nil {
		t.Fatalf("ExportAll(no names) returned %v; want nil", err)
	}
	if len(site.opened) != 0 {
		t.Fatalf("ExportAll(no names) opened %q", site.opened)
	}
}

// failingClose wraps a report whose Close does close it but then reports an
// error, like a read-only file on a flaky network share.
type failingClose struct {
	io.ReadCloser
	err error
}

func (f failingClose) Close() error {
	f.ReadCloser.Close()
	return f.err
}

func TestHiddenCloseErrorsAreIgnored(t *testing.T) {
	errStale := errors.New("stale file handle")
	failing := func(site *fakeSite) export.Opener {
		return func(name string) (io.ReadCloser, error) {
			r, err := site.Open(name)
			if err != nil {
				return nil, err
			}
			return failingClose{r, errStale}, nil
		}
	}

	t.Run("process succeeds", func(t *testing.T) {
		site := newFakeSite()
		names := reportNames(7)
		got := map[string]string{}

		err := runExport(t, names, failing(site), readAll(got))

		if err != nil {
			t.Fatalf("ExportAll returned %v when every report was processed but each Close failed; want nil: "+
				"errors from Close are ignored (the reports are only read)", err)
		}
		if !slices.Equal(site.opened, names) || len(got) != len(names) {
			t.Fatalf("opened %q and processed %d reports; want all %d: a failing Close must not stop the export",
				site.opened, len(got), len(names))
		}
		site.checkAllClosedOnce(t)
	})

	t.Run("process fails", func(t *testing.T) {
		site := newFakeSite()
		errSchema := errors.New("schema violation")
		process := func(name string, r io.Reader) error {
			if name == "site-002.xml" {
				return errSchema
			}
			return nil
		}

		err := runExport(t, reportNames(5), failing(site), process)

		if !errors.Is(err, errSchema) {
			t.Fatalf("ExportAll returned %v; want an error wrapping the process error %v even though that "+
				"report's Close failed too: errors from Close are ignored", err, errSchema)
		}
		if errors.Is(err, errStale) {
			t.Fatalf("ExportAll returned %v, which wraps the Close error %v; errors from Close are ignored",
				err, errStale)
		}
		if want := reportNames(2); !slices.Equal(site.opened, want) {
			t.Fatalf("opened %q; want %q", site.opened, want)
		}
		site.checkAllClosedOnce(t)
	})
}
