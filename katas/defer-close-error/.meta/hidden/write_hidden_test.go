package hl7out_test

import (
	"errors"
	"io"
	"testing"
)

func TestHiddenWriteErrorSurvivesASuccessfulClose(t *testing.T) {
	out := &fakeOutput{failWritesAt: 3, writeErr: errShareGone}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0502.hl7", messages)

	if !errors.Is(err, errShareGone) {
		t.Fatalf("the third write failed and Close succeeded, but WriteBatch returned %v; want the write error. "+
			"A deferred closure that assigns Close's result to err unconditionally turns the earlier "+
			"failure back into success.", err)
	}
	checkClosedOnce(t, out)
}

func TestHiddenWriteErrorSurvivesAFailingClose(t *testing.T) {
	out := &fakeOutput{failWritesAt: 1, writeErr: errShareGone, closeErr: errDiskFull}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0503.hl7", messages)

	if !errors.Is(err, errShareGone) {
		t.Fatalf("a write failed with %q and then Close failed with %q; WriteBatch returned %v. The first "+
			"failure is the one that explains what went wrong: the Close error may be added, but must not "+
			"replace it.", errShareGone, errDiskFull, err)
	}
	checkClosedOnce(t, out)
}

func TestHiddenCloseErrorOfAnEmptyBatch(t *testing.T) {
	out := &fakeOutput{closeErr: errDiskFull}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0504.hl7", nil)

	if !errors.Is(err, errDiskFull) {
		t.Fatalf("WriteBatch(no messages) returned %v although Close failed with %q; want that error. "+
			"A deferred function can only change what the caller receives through a named result.",
			err, errDiskFull)
	}
	checkClosedOnce(t, out)
}

func TestHiddenFileIsClosedWhenAWriteFails(t *testing.T) {
	for at := 1; at <= len(messages); at++ {
		out := &fakeOutput{failWritesAt: at, writeErr: errShareGone}
		var names []string

		_ = runWriteBatch(t, creator(out, &names), "batch-0505.hl7", messages)

		if out.closes != 1 {
			t.Fatalf("write %d of %d failed and the file was closed %d times; want exactly once. Returning "+
				"early skips a Close written at the end of the function; a deferred Close still runs.",
				at, len(messages), out.closes)
		}
		if out.writesAfterFailure > 0 {
			t.Fatalf("WriteBatch kept writing after write %d failed; want it to stop at the first failure", at)
		}
	}
}

func TestHiddenCreateFailureIsReturned(t *testing.T) {
	create := func(name string) (io.WriteCloser, error) { return nil, errPermission }

	err := runWriteBatch(t, create, "batch-0506.hl7", messages)

	if !errors.Is(err, errPermission) {
		t.Fatalf("create failed with %q; WriteBatch returned %v; want an error wrapping it", errPermission, err)
	}
}
