// Mutant (blind: written from the README and starter only).
// Flaw: writers take a mutex but Load reads the int64 without it, racing with concurrent increments.
// Violates: "any number of goroutines can call any method at the same time, without data races"

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync"

// Counter counts processed images. The zero Counter is ready to use. It is
// safe for concurrent use and must not be copied after first use.
type Counter struct {
	mu sync.Mutex
	n  int64
}

// Inc counts one image.
func (c *Counter) Inc() { c.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) {
	c.mu.Lock()
	c.n += n
	c.mu.Unlock()
}

// Load returns the count. A single word read needs no lock.
func (c *Counter) Load() int64 { return c.n }

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.n
	c.n = 0
	return v
}
