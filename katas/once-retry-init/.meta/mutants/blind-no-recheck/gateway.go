// Mutant (blind: written from the README and starter only).
// Flaw: does not check the stored session again after taking the lock, so callers that queued behind a successful connect each log in again and replace the session.
// Violates: "A successful session is kept and shared: from then on `Get` returns it and never calls `connect` again."

// Package gateway connects the EDC platform to a hospital's HL7 interface engine.
package gateway

import (
	"sync"
	"sync/atomic"
)

// Conn is an authenticated session with the interface engine.
type Conn struct {
	Endpoint  string
	SessionID int
}

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

// Get returns the gateway's session, connecting on first use. The lock makes
// sure that at most one connect runs at a time; a failed connect is not stored.
func (g *Gateway) Get() (*Conn, error) {
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	c, err := g.connect()
	if err != nil {
		return nil, err
	}
	g.conn.Store(c)
	return c, nil
}
