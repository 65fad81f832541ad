// Mutant (blind: written from the README and starter only).
// Flaw: caps every batch with a full slice expression except the last one, whose spare capacity is still the caller's array after ids, so appending to the last batch overwrites what the caller keeps there.
// Violates: "Appending to one batch must never change ... anything the caller keeps in the same array after `ids`"

// Package batching splits patient IDs into upload batches for the EDC system.
package batching

// Batches splits ids into consecutive batches of at most size IDs, in order.
// Each batch's capacity ends where the next batch begins, so appending to a
// batch reallocates instead of writing over the next one.
func Batches(ids []string, size int) [][]string {
	if size < 1 {
		panic("batching: size must be at least 1")
	}
	var batches [][]string
	for start := 0; start < len(ids); start += size {
		end := min(start+size, len(ids))
		if end == len(ids) {
			// The last batch has no neighbour to protect.
			batches = append(batches, ids[start:end])
			break
		}
		batches = append(batches, ids[start:end:end])
	}
	return batches
}
