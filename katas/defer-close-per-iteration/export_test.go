package export_test

import (
	"errors"
	"io"
	"testing"
)

func TestExportAllProcessesEveryReport(t *testing.T) {
	site := newFakeSite()
	names := reportNames(3)
	got := map[string]string{}

	if err := runExport(t, names, site.Open, readAll(got)); err != nil {
		t.Fatalf("ExportAll returned %v; want nil", err)
	}
	for _, name := range names {
		if got[name] != content(name) {
			t.Errorf("report %s was processed as %q; want %q", name, got[name], content(name))
		}
	}
	site.checkAllClosedOnce(t)
}

func TestExportAllKeepsAtMostOneReportOpen(t *testing.T) {
	site := newFakeSite()

	if err := runExport(t, reportNames(20), site.Open, readAll(map[string]string{})); err != nil {
		t.Fatalf("ExportAll returned %v; want nil", err)
	}
	if site.maxOpen != 1 {
		t.Fatalf("up to %d reports were open at the same time; want 1. A deferred call runs when the "+
			"surrounding function returns, not at the end of a loop iteration, so every report stays "+
			"open until the whole export is over.", site.maxOpen)
	}
	site.checkAllClosedOnce(t)
}

func TestExportAllClosesTheReportWhenProcessingFails(t *testing.T) {
	site := newFakeSite()
	errBadXML := errors.New("malformed XML")
	process := func(name string, r io.Reader) error {
		if name == "site-002.xml" {
			return errBadXML
		}
		return nil
	}

	err := runExport(t, reportNames(4), site.Open, process)

	if !errors.Is(err, errBadXML) {
		t.Fatalf("ExportAll returned %v; want an error wrapping %v", err, errBadXML)
	}
	site.checkAllClosedOnce(t)
}
