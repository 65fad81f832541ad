// Mutant (blind: written from the README and starter only).
// Flaw: keeps the count as a float64 in an atomic.Value (CAS loop), which is exact only up to 2^53.
// Violates: "the count is the int64 the methods take and return, exact over its whole range"

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use.
// It keeps the count as a float64 so the exporter can publish it as a gauge
// without converting it.
type Counter struct {
	v atomic.Value // float64; unset means 0
}

func (c *Counter) get() (any, float64) {
	old := c.v.Load()
	if old == nil {
		return nil, 0
	}
	return old, old.(float64)
}

// Inc counts one image.
func (c *Counter) Inc() { c.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) {
	for {
		old, f := c.get()
		if c.v.CompareAndSwap(old, f+float64(n)) {
			return
		}
	}
}

// Load returns the count.
func (c *Counter) Load() int64 {
	_, f := c.get()
	return int64(f)
}

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 {
	old := c.v.Swap(float64(0))
	if old == nil {
		return 0
	}
	return int64(old.(float64))
}
