// Package hl7 configures the MLLP listener that receives HL7 messages from hospital systems.
package hl7

import (
	"fmt"
	"strings"
	"time"
)

const (
	DefaultReadTimeout     = 30 * time.Second
	DefaultMaxMessageBytes = 1 << 20  // 1 MiB
	MaxMessageBytesLimit   = 64 << 20 // 64 MiB
)

type Listener struct {
	addr            string
	readTimeout     time.Duration
	maxMessageBytes int
	siteID          string
}

func (l *Listener) Addr() string { return l.addr }

func (l *Listener) ReadTimeout() time.Duration { return l.readTimeout }

func (l *Listener) MaxMessageBytes() int { return l.maxMessageBytes }

func (l *Listener) SiteID() string { return l.siteID }

type settings struct {
	readTimeout     time.Duration
	maxMessageBytes int
	siteID          string
}

type Option func(*settings) error

func WithReadTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d <= 0 {
			return fmt.Errorf("read timeout %v must be positive", d)
		}
		s.readTimeout = d
		return nil
	}
}

func WithMaxMessageBytes(n int) Option {
	return func(s *settings) error {
		if n < 1 || n > MaxMessageBytesLimit {
			return fmt.Errorf("max message bytes %d must be from 1 to %d", n, MaxMessageBytesLimit)
		}
		s.maxMessageBytes = n
		return nil
	}
}

func WithSiteID(id string) Option {
	return func(s *settings) error {
		if id == "" {
			return fmt.Errorf("site ID must not be empty")
		}
		s.siteID = id
		return nil
	}
}

type ConfigError struct {
	Problems []string
}

func (e *ConfigError) Error() string {
	return "hl7: invalid listener configuration: " + strings.Join(e.Problems, "; ")
}

// defaults is built once, on first use.
var defaults *settings

func NewListener(addr string, opts ...Option) (*Listener, error) {
	if defaults == nil {
		defaults = &settings{readTimeout: DefaultReadTimeout, maxMessageBytes: DefaultMaxMessageBytes}
	}
	s := *defaults
	var problems []string
	if addr == "" {
		problems = append(problems, "address must not be empty")
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&s); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	return &Listener{addr: addr, readTimeout: s.readTimeout, maxMessageBytes: s.maxMessageBytes, siteID: s.siteID}, nil
}
