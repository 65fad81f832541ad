// Mutant (blind: written from the README and starter only).
// Flaw: a caller that finds a connect already in flight (TryLock fails) returns an ErrBusy error instead of waiting for that connect's outcome.
// Violates: "A caller that arrives while a connect is in flight waits for it ... it never starts a parallel connect and never gets a made-up \"busy\" error."

// Package gateway connects the EDC platform to a hospital's HL7 interface engine.
package gateway

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Conn is an authenticated session with the interface engine.
type Conn struct {
	Endpoint  string
	SessionID int
}

// ErrBusy is returned while another caller is connecting.
var ErrBusy = errors.New("gateway: connect already in progress, try again")

// Gateway connects to the interface engine lazily, on first use.
type Gateway struct {
	connect func() (*Conn, error)

	mu   sync.Mutex // held for the whole connect
	conn atomic.Pointer[Conn]
}

// New returns a Gateway that connects with connect. It does not call connect.
func New(connect func() (*Conn, error)) *Gateway {
	return &Gateway{connect: connect}
}

// Get returns the gateway's session, connecting on first use. Only one
// connect ever runs at a time: the engine locks the account on parallel logins.
func (g *Gateway) Get() (*Conn, error) {
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	if !g.mu.TryLock() {
		return nil, ErrBusy
	}
	defer g.mu.Unlock()
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	c, err := g.connect()
	if err != nil {
		return nil, err
	}
	g.conn.Store(c)
	return c, nil
}
