// Mutant (blind: written from the README and starter only).
// Flaw: NewRegistry starts building the client in a background goroutine ("warm-up"), so the client is built even if Get is never called.
// Violates: "`NewRegistry` does not build the client; the first `Get` does."

// Package patientdb gives the services of the trial platform their client for
// the patient database.
package patientdb

import "sync"

// Client is a connection pool to the patient database.
type Client struct {
	DSN      string
	PoolSize int
}

// Registry hands out a service's patient-database client.
type Registry struct {
	get func() *Client
}

// NewRegistry returns a Registry that builds its client with build. The build
// is warmed up in the background so that the first request does not pay for
// the TLS handshakes; Get waits for it if it is still running.
func NewRegistry(build func() *Client) *Registry {
	r := &Registry{get: sync.OnceValue(build)}
	go r.get()
	return r
}

// Get returns the registry's client, waiting for the build if needed.
func (r *Registry) Get() *Client {
	return r.get()
}
