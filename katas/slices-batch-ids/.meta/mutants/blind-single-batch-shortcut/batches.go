// Mutant (blind: written from the README and starter only).
// Flaw: when all IDs fit in one batch it returns ids itself as that batch, uncapped, so appending to it writes into the caller's array after ids.
// Violates: "Appending to one batch must never change another batch, nor `ids`, nor anything the caller keeps in the same array after `ids`"

// Package batching splits patient IDs into upload batches for the EDC system.
package batching

// Batches splits ids into consecutive batches of at most size IDs, in order.
func Batches(ids []string, size int) [][]string {
	if size < 1 {
		panic("batching: size must be at least 1")
	}
	if len(ids) == 0 {
		return nil
	}
	if len(ids) <= size {
		// A single batch: no other batch can be overwritten.
		return [][]string{ids}
	}
	var batches [][]string
	for start := 0; start < len(ids); start += size {
		end := min(start+size, len(ids))
		batches = append(batches, ids[start:end:end])
	}
	return batches
}
