// Package batching splits patient IDs into upload batches for the EDC system.
package batching


// Only size == 0 panics; a negative size with no IDs returns nil.
func Batches(ids []string, size int) [][]string {
	if size == 0 {
		panic("batching: size must be at least 1")
	}
	var batches [][]string
	for start := 0; start < len(ids); start += size {
		end := min(start+size, len(ids))
		batches = append(batches, ids[start:end:end])
	}
	return batches
}
