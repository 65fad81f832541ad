package progress_test

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestEnrolledCountReturnsTheAnswer(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		c := enrolledCount(t.Context(), answersAfter(100*time.Millisecond, 42), 500*time.Millisecond)

		if c.err != nil || c.n != 42 {
			t.Fatalf("EnrolledCount = %d, %v; want 42, nil", c.n, c.err)
		}
		if c.elapsed != 100*time.Millisecond {
			t.Fatalf("EnrolledCount took %v; want 100ms, as long as the service took", c.elapsed)
		}
	})
}

func TestEnrolledCountGivesUpAtTheTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		c := enrolledCount(t.Context(), answersAfter(10*time.Second, 42), 500*time.Millisecond)

		if c.elapsed != 500*time.Millisecond {
			t.Fatalf("with a 500ms timeout and a service that needs 10s, EnrolledCount took %v; want 500ms. "+
				"Without a deadline on the context it hands to the service, one slow dependency blocks "+
				"every caller up the chain.", c.elapsed)
		}
		if !errors.Is(c.err, context.DeadlineExceeded) {
			t.Fatalf("EnrolledCount returned %d, %v; want an error for which "+
				"errors.Is(err, context.DeadlineExceeded) holds, so callers can tell a timeout apart", c.n, c.err)
		}
	})
}
