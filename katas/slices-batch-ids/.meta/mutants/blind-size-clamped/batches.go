// Mutant (blind: written from the README and starter only).
// Flaw: quietly treats size < 1 as 1 instead of panicking.
// Violates: "`size < 1` panics (that is a bug in the caller)."

// Package batching splits patient IDs into upload batches for the EDC system.
package batching

import "slices"

// Batches splits ids into consecutive batches of at most size IDs, in order.
// Every batch is a copy, so appending to it never touches ids or another batch.
func Batches(ids []string, size int) [][]string {
	size = max(size, 1) // a non-positive size would loop forever; use batches of one
	var batches [][]string
	for chunk := range slices.Chunk(ids, size) {
		batches = append(batches, slices.Clone(chunk))
	}
	return batches
}
