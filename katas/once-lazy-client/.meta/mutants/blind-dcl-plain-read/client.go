// Mutant (blind: written from the README and starter only).
// Flaw: double-checked locking whose first check reads r.client without any synchronisation, a data race with the write made under the lock.
// Violates: "No data race."

// Package patientdb gives the services of the trial platform their client for
// the patient database.
package patientdb

import "sync"

// Client is a connection pool to the patient database.
type Client struct {
	DSN      string
	PoolSize int
}

// Registry hands out a service's patient-database client, building it on
// first use.
type Registry struct {
	build  func() *Client
	mu     sync.Mutex
	client *Client
}

// NewRegistry returns a Registry that builds its client with build. It does
// not call build.
func NewRegistry(build func() *Client) *Registry {
	return &Registry{build: build}
}

// Get returns the registry's client, building it on the first call. The fast
// path skips the lock once the client exists; the second check under the lock
// makes sure only one caller builds.
func (r *Registry) Get() *Client {
	if c := r.client; c != nil {
		return c
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.client == nil {
		r.client = r.build()
	}
	return r.client
}
