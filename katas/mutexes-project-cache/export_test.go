package projectcache

// This is the only test file inside the package: the tests themselves are in
// package projectcache_test, out of reach of anything declared in cache.go.
// They take the cache's lock for reading, as a long dashboard query would.

// LockOf returns a pointer to the mutex that guards c (whatever its type).
func LockOf(c *Cache) interface{} { return &c.mu }
