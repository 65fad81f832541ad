package hl7_test

import (
	"errors"
	"testing"
	"time"

	hl7 "gokata.dev/katas/idioms-listener-options"
)

func TestNewListenerWithoutOptionsUsesTheDefaults(t *testing.T) {
	l, err := hl7.NewListener(":2575")
	if err != nil {
		t.Fatalf("NewListener(\":2575\") returned error %v; want nil", err)
	}
	if l.Addr() != ":2575" || l.ReadTimeout() != hl7.DefaultReadTimeout ||
		l.MaxMessageBytes() != hl7.DefaultMaxMessageBytes || l.SiteID() != "" {
		t.Fatalf("NewListener(\":2575\") = addr %q, read timeout %v, max %d bytes, site %q; want %q, %v, %d, \"\"",
			l.Addr(), l.ReadTimeout(), l.MaxMessageBytes(), l.SiteID(), ":2575", hl7.DefaultReadTimeout, hl7.DefaultMaxMessageBytes)
	}
}

func TestOptionsChangeTheirSetting(t *testing.T) {
	l, err := hl7.NewListener(":2575", hl7.WithReadTimeout(5*time.Second), hl7.WithMaxMessageBytes(4096), hl7.WithSiteID("site-07"))
	if err != nil {
		t.Fatalf("NewListener with three valid options returned error %v; want nil", err)
	}
	if l.ReadTimeout() != 5*time.Second || l.MaxMessageBytes() != 4096 || l.SiteID() != "site-07" {
		t.Fatalf("got read timeout %v, max %d bytes, site %q; want 5s, 4096, \"site-07\"", l.ReadTimeout(), l.MaxMessageBytes(), l.SiteID())
	}
}

func TestAnInvalidOptionIsAConfigError(t *testing.T) {
	l, err := hl7.NewListener(":2575", hl7.WithReadTimeout(-time.Second))
	var cerr *hl7.ConfigError
	if !errors.As(err, &cerr) {
		t.Fatalf("NewListener with WithReadTimeout(-1s) returned error %v; want a *hl7.ConfigError", err)
	}
	if len(cerr.Problems) != 1 {
		t.Fatalf("ConfigError.Problems = %q; want exactly one problem", cerr.Problems)
	}
	if l != nil {
		t.Fatalf("NewListener returned a listener together with its error; want nil")
	}
}
