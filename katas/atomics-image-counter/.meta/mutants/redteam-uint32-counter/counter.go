// Mutant (red team: written from the README and starter only).
// Flaw: keeps the count in an atomic.Uint32: large adds are cut to 32 bits and a count below zero comes back as
// about 4 billion.
// Violates: Add and Load work with int64 counts; corrections may take the count below zero.

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use.
type Counter struct {
	n atomic.Uint32 // a negative n wraps around and subtracts
}

// Inc counts one image.
func (c *Counter) Inc() { c.n.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) { c.n.Add(uint32(n)) }

// Load returns the count.
func (c *Counter) Load() int64 { return int64(c.n.Load()) }

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 { return int64(c.n.Swap(0)) }
