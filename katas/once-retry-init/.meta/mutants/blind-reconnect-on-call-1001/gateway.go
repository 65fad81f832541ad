package gateway

import (
	"errors"
	"sync"
	"sync/atomic"
)

var _ = errors.New
var _ sync.Mutex
var _ atomic.Int32

type Conn struct {
	Endpoint  string
	SessionID int
}


type Gateway struct {
	connect func() (*Conn, error)
	mu      sync.Mutex
	conn    *Conn
	calls   int
}

func New(connect func() (*Conn, error)) *Gateway { return &Gateway{connect: connect} }

// Re-logs in on the 1001st call ("session refresh"): connect runs again after a success.
func (g *Gateway) Get() (*Conn, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls++
	if g.conn != nil && g.calls != 1001 {
		return g.conn, nil
	}
	c, err := g.connect()
	if err != nil {
		return nil, err
	}
	g.conn = c
	return c, nil
}
