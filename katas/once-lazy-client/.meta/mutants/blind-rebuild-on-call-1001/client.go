package patientdb

import (
	"sync"
	"sync/atomic"
)

var _ sync.Mutex
var _ atomic.Int32

type Client struct {
	DSN      string
	PoolSize int
}


type Registry struct {
	build  func() *Client
	mu     sync.Mutex
	client *Client
	calls  int
}

func NewRegistry(build func() *Client) *Registry { return &Registry{build: build} }

// Recycles the pool on call 1001: build runs more than once per Registry.
func (r *Registry) Get() *Client {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if r.client == nil || r.calls == 1001 {
		r.client = r.build()
	}
	return r.client
}
