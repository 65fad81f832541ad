// Mutant (blind: written from the README and starter only).
// Flaw: keeps sync.Once and "resets" it after a failure by assigning a fresh sync.Once, which races with goroutines inside or entering Do and lets a second connect start in parallel.
// Violates: "At most one `connect` runs at any moment ... No data race."

// Package gateway connects the EDC platform to a hospital's HL7 interface engine.
package gateway

import "sync"

// Conn is an authenticated session with the interface engine.
type Conn struct {
	Endpoint  string
	SessionID int
}

// Gateway connects to the interface engine lazily, on first use.
type Gateway struct {
	connect func() (*Conn, error)

	once sync.Once
	conn *Conn
	err  error
}

// New returns a Gateway that connects with connect. It does not call connect.
func New(connect func() (*Conn, error)) *Gateway {
	return &Gateway{connect: connect}
}

// Get returns the gateway's session, connecting on first use. After a failed
// connect the Once is reset so that the next Get tries again.
func (g *Gateway) Get() (*Conn, error) {
	g.once.Do(func() {
		g.conn, g.err = g.connect()
	})
	conn, err := g.conn, g.err
	if err != nil {
		g.once = sync.Once{} // forget the failure: the next Get connects again
	}
	return conn, err
}
