// Mutant (blind: written from the README and starter only).
// Flaw: uses one package-level sync.Once for all registries, so every registry after the first returns the first registry's client and never runs its own build.
// Violates: "Different registries (one per database region) have their own clients."

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
	build func() *Client
}

var (
	clientOnce sync.Once
	client     *Client
)

// NewRegistry returns a Registry that builds its client with build. It does
// not call build.
func NewRegistry(build func() *Client) *Registry {
	return &Registry{build: build}
}

// Get returns the registry's client, building it on the first call. sync.Once
// makes every concurrent caller wait for the single build.
func (r *Registry) Get() *Client {
	clientOnce.Do(func() {
		client = r.build()
	})
	return client
}
