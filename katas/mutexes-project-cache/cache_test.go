package projectcache_test

import "testing"

import "gokata.dev/katas/mutexes-project-cache"

func TestGetReturnsASnapshot(t *testing.T) {
	c := projectcache.NewCache()
	c.Put(sampleProject("ONC-2024-017", "Beijing-01", "Shanghai-03"))

	got := mustGet(t, c, "ONC-2024-017")
	got.Status = "Suspended" // a handler preparing its response

	if again := mustGet(t, c, "ONC-2024-017"); again.Status != "Recruiting" {
		t.Fatalf("after a caller changed the project it got from Get, the cache holds Status %q; want %q. "+
			"Get handed out a pointer to the cached data: the caller now writes it without the lock, racing "+
			"with every other request. Return a copy.", again.Status, "Recruiting")
	}
}

func TestReadersDoNotBlockEachOther(t *testing.T) {
	c := projectcache.NewCache()
	c.Put(sampleProject("CARD-2023-004", "Guangzhou-02"))

	if !returnsWhileReadLocked(t, c, func() { c.Get("CARD-2023-004") }) {
		t.Fatalf("Get waited while another reader held the lock; want it to read at the same time. " +
			"Take the read lock (RLock) in Get.")
	}
}
