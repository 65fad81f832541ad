// Mutant (blind: written from the README and starter only).
// Flaw: the atomic cell is allocated lazily on the first Add/Inc/Load, but Reset skips the lazy init, so
// calling Reset on a zero-value (never-incremented) Counter dereferences a nil pointer and panics.
// Violates: "a counter starts no goroutine, and its zero value is ready to use"

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import (
	"sync"
	"sync/atomic"
)

// Counter counts processed images. The zero Counter is ready to use. It is
// safe for concurrent use and must not be copied after first use.
type Counter struct {
	once sync.Once
	n    *atomic.Int64
}

// init allocates the counter cell on first use.
func (c *Counter) init() *atomic.Int64 {
	c.once.Do(func() { c.n = new(atomic.Int64) })
	return c.n
}

// Inc counts one image.
func (c *Counter) Inc() { c.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) { c.init().Add(n) }

// Load returns the count.
func (c *Counter) Load() int64 { return c.init().Load() }

// Reset returns the count and sets it to zero, in one step. The exporter only
// resets counters it has already read, so the cell exists by then.
func (c *Counter) Reset() int64 { return c.n.Swap(0) }
