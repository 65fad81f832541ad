package projectcache_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"gokata.dev/katas/mutexes-project-cache"
)

const guard = 3 * time.Second

// readLocker is what c.mu must offer so that readers can share it.
type readLocker interface {
	RLock()
	RUnlock()
}

// holdReadLock takes c.mu for reading, as a long dashboard query would, and
// returns the function that releases it.
func holdReadLock(t *testing.T, c *projectcache.Cache) (release func()) {
	t.Helper()
	rl, ok := projectcache.LockOf(c).(readLocker)
	if !ok {
		t.Fatalf("c.mu is a %s: every reader excludes every other reader, so one slow dashboard query stalls "+
			"all the others. Reads vastly outnumber writes here: use a sync.RWMutex, RLock for reads and Lock "+
			"for writes.", fmt.Sprintf("%T", projectcache.LockOf(c))[1:])
	}
	rl.RLock()
	return rl.RUnlock
}

// returnsWhileReadLocked reports whether read returns while another reader
// holds c.mu.
func returnsWhileReadLocked(t *testing.T, c *projectcache.Cache, read func()) bool {
	t.Helper()
	release := holdReadLock(t, c)
	done := make(chan struct{})
	go func() {
		defer close(done)
		read()
	}()
	select {
	case <-done:
		release()
		return true
	case <-time.After(guard):
		release()
		<-done
		return false
	}
}

func sampleProject(id string, sites ...string) projectcache.ProjectInfo {
	return projectcache.ProjectInfo{ID: id, Status: "Recruiting", CenterCount: len(sites), Sites: sites}
}

func mustGet(t *testing.T, c *projectcache.Cache, id string) *projectcache.ProjectInfo {
	t.Helper()
	p, ok := c.Get(id)
	if !ok || p == nil {
		t.Fatalf("Get(%q) = %v, %t; want the project", id, p, ok)
	}
	return p
}

func describe(p *projectcache.ProjectInfo) string {
	return fmt.Sprintf("{Status:%s CenterCount:%d Sites:%v}", p.Status, p.CenterCount, p.Sites)
}

func sameProject(a *projectcache.ProjectInfo, b projectcache.ProjectInfo) bool {
	return a.ID == b.ID && a.Status == b.Status && a.CenterCount == b.CenterCount && slices.Equal(a.Sites, b.Sites)
}
