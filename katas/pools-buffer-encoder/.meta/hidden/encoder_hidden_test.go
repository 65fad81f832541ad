package hl7json_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"gokata.dev/katas/pools-buffer-encoder"
)

func TestHiddenReusedBufferIsResetBeforeUse(t *testing.T) {
	e := hl7json.NewEncoderWithPool(newRecordingPool(cleanBuffer))
	first, second := record(10, 50), record(11, 5)

	mustEncode(t, e, first)
	got := string(mustEncode(t, e, second))

	if want := wantJSON(t, second); got != want {
		t.Fatalf("second Encode = %s\nwant %s\nThe buffer the first call put back still held the first "+
			"message. Reset a buffer you take from a pool before writing to it.", short(got), short(want))
	}
}

func TestHiddenReturnedBytesAreNotPutBackIntoThePool(t *testing.T) {
	pool := newRecordingPool(cleanBuffer)
	e := hl7json.NewEncoderWithPool(pool)

	for i := range 5 {
		before := pool.putCount()
		out := mustEncode(t, e, record(i, 20+10*i))
		for _, p := range pool.putsSince(before) {
			if sharesMemory(out, p.buf) {
				t.Fatalf("Encode returned bytes that live inside the buffer it put back into the pool. The next " +
					"user of that buffer (another goroutine, any moment now) writes over the caller's message. " +
					"Return a copy, e.g. bytes.Clone(buf.Bytes()), or do not pool that buffer.")
			}
		}
	}
}

func TestHiddenEarlierOutputUnchangedByLaterEncodes(t *testing.T) {
	e := hl7json.NewEncoderWithPool(newRecordingPool(cleanBuffer))
	first := record(20, 80)
	want := wantJSON(t, first)

	out := mustEncode(t, e, first)
	for i := range 10 {
		mustEncode(t, e, record(21+i, 80))
	}

	if string(out) != want {
		t.Fatalf("the output of the first Encode became %s after 10 more calls; want it unchanged: %s",
			short(string(out)), short(want))
	}
}

func TestHiddenCallerMayModifyItsOutput(t *testing.T) {
	e := hl7json.NewEncoderWithPool(newRecordingPool(cleanBuffer))
	a, b := record(30, 30), record(31, 30)

	out := mustEncode(t, e, a)
	for i := range out {
		out[i] = '#' // the caller redacts its copy in place
	}
	if got, want := string(mustEncode(t, e, b)), wantJSON(t, b); got != want {
		t.Fatalf("after the caller overwrote the bytes of one result, the next Encode gave %s; want %s",
			short(got), short(want))
	}
}

func TestHiddenHugeBuffersAreNotPooled(t *testing.T) {
	pool := newRecordingPool(cleanBuffer)
	e := hl7json.NewEncoderWithPool(pool)
	huge := record(40, 300<<10) // a radiology report

	before := pool.putCount()
	out := mustEncode(t, e, huge)
	if string(out) != wantJSON(t, huge) {
		t.Fatalf("Encode of a 300 KiB report gave the wrong JSON (%d bytes)", len(out))
	}
	for _, p := range pool.putsSince(before) {
		if p.cap > hl7json.MaxPooledBufferCap {
			t.Fatalf("Encode put a buffer of capacity %d back into the pool; the limit is MaxPooledBufferCap = %d. "+
				"A pooled buffer keeps its capacity forever, so one huge report pins that memory for every small "+
				"message after it. Check the capacity (not the length, which Reset makes 0) before Put and drop "+
				"big ones.", p.cap, hl7json.MaxPooledBufferCap)
		}
	}
	small := record(41, 10)
	if got, want := string(mustEncode(t, e, small)), wantJSON(t, small); got != want {
		t.Fatalf("after a huge report, Encode = %s; want %s", short(got), short(want))
	}
}

func TestHiddenBufferAtTheLimitIsStillPooled(t *testing.T) {
	atLimit := func() *bytes.Buffer { return bytes.NewBuffer(make([]byte, 0, hl7json.MaxPooledBufferCap)) }
	pool := newRecordingPool(atLimit)
	e := hl7json.NewEncoderWithPool(pool)

	mustEncode(t, e, record(50, 10))

	puts := pool.putsSince(0)
	if len(puts) != 1 || puts[0].cap != hl7json.MaxPooledBufferCap {
		t.Fatalf("a buffer of capacity exactly MaxPooledBufferCap (%d) was not put back (puts: %d); only buffers "+
			"whose capacity exceeds the limit are dropped", hl7json.MaxPooledBufferCap, len(puts))
	}
}

func TestHiddenSmallBuffersGoBackToThePool(t *testing.T) {
	pool := newRecordingPool(cleanBuffer)
	e := hl7json.NewEncoderWithPool(pool)

	for i := range 20 {
		mustEncode(t, e, record(60+i, 100))
	}

	pool.mu.Lock()
	defer pool.mu.Unlock()
	if len(pool.others) > 0 {
		t.Fatalf("Put received %v; want *bytes.Buffer. Put pointers: storing a non-pointer value in an "+
			"interface allocates, which defeats the pool (staticcheck SA6002)", pool.others)
	}
	if pool.gets != 20 || len(pool.puts) != 20 {
		t.Fatalf("20 small encodes made %d Gets and %d Puts; want 20 of each: every small buffer taken from the "+
			"pool goes back to it, or the pool saves nothing", pool.gets, len(pool.puts))
	}
	if pool.news != 1 {
		t.Fatalf("the pool had to create %d buffers for 20 sequential encodes; want 1 (each call reuses the one "+
			"the previous call put back)", pool.news)
	}
}

func TestHiddenConcurrentEncodesWithTheRealPool(t *testing.T) {
	e := hl7json.NewEncoder()
	const workers, each = 8, 150
	outs := make([][][]byte, workers)

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				n := w*each + i
				size := 20 + n%200
				if n%97 == 0 {
					size = 100 << 10
				}
				out, err := e.Encode(record(n, size))
				if err != nil {
					t.Errorf("Encode: %v", err)
					return
				}
				outs[w] = append(outs[w], out)
			}
		})
	}
	wg.Wait()

	for w := range workers {
		for i, out := range outs[w] {
			n := w*each + i
			size := 20 + n%200
			if n%97 == 0 {
				size = 100 << 10
			}
			if want := wantJSON(t, record(n, size)); string(out) != want {
				t.Fatalf("after concurrent use, the output for message %d is %s; want %s. Outputs must not share "+
					"memory with pooled buffers that other goroutines reuse.", n, short(string(out)), short(want))
			}
		}
	}
}

func TestHiddenNewEncoderPoolsBufferPointers(t *testing.T) {
	e := hl7json.NewEncoder()
	if hl7json.PoolOf(e) == nil {
		t.Fatal("NewEncoder left pool nil")
	}
	x := hl7json.PoolOf(e).Get()
	if _, ok := x.(*bytes.Buffer); !ok {
		t.Fatalf("NewEncoder's pool gives %s; want *bytes.Buffer", fmt.Sprintf("%T", x))
	}
}

func TestHiddenGrownBufferIsDroppedEvenAfterASmallMessage(t *testing.T) {
	// Earlier, on another goroutine, a radiology report grew this buffer to 256 KiB;
	// it was pooled by mistake, or by an older version of the service. Its last
	// message is still in it.
	grown := func() *bytes.Buffer {
		b := bytes.NewBuffer(make([]byte, 0, 4*hl7json.MaxPooledBufferCap))
		b.WriteString(dirtyBuffer().String())
		return b
	}
	pool := newRecordingPool(grown)
	e := hl7json.NewEncoderWithPool(pool)
	small := record(70, 40)

	got := string(mustEncode(t, e, small))

	if want := wantJSON(t, small); got != want {
		t.Fatalf("Encode with a pooled buffer that still held an old message gave %s; want %s", short(got),
			short(want))
	}
	for _, p := range pool.putsSince(0) {
		if p.cap > hl7json.MaxPooledBufferCap {
			t.Fatalf("after a %d-byte message, Encode put back a buffer of capacity %d (MaxPooledBufferCap = %d). "+
				"The memory a pooled buffer pins is its capacity, not the length of the last message: a buffer "+
				"grown by one huge report stays huge however small the messages that follow. Check Cap() before "+
				"Put.", len(got), p.cap, hl7json.MaxPooledBufferCap)
		}
	}
}

func TestHiddenOutputIsExactlyWhatMarshalGives(t *testing.T) {
	e := hl7json.NewEncoderWithPool(newRecordingPool(dirtyBuffer))
	r := hl7json.Record{
		MessageID: "MSG-000777",
		Type:      "ORU^R01",
		PatientID: "P00777",
		Payload:   "OBX|1|TX|<b>K+</b> > 5.0 & rising\u2028see note",
	}

	got := string(mustEncode(t, e, r))

	if want := wantJSON(t, r); got != want {
		t.Fatalf("Encode = %s\nwant %s\n(exactly json.Marshal's output plus \"\\n\": json.Marshal escapes <, > "+
			"and & as \\u003c, \\u003e and \\u0026, and U+2028 as \\u2028; an Encoder with SetEscapeHTML(false) "+
			"gives different bytes)", got, want)
	}
}

func TestHiddenLargeMessagesAreNotPutBackIntoThePool(t *testing.T) {
	// Lab reports of a few KiB are common; they stay well under
	// MaxPooledBufferCap, so their buffers go back to the pool.
	for _, payload := range []int{900, 1500, 4 << 10, 16 << 10, 40 << 10} {
		pool := newRecordingPool(cleanBuffer)
		e := hl7json.NewEncoderWithPool(pool)
		r := record(80, payload)
		want := wantJSON(t, r)

		out := mustEncode(t, e, r)
		for _, p := range pool.putsSince(0) {
			if sharesMemory(out, p.buf) {
				t.Fatalf("for a %d-byte message, Encode returned bytes that live inside the buffer it put back "+
					"into the pool. The caller owns the returned bytes, whatever the message's size: the next "+
					"user of that buffer writes over them. Return a copy, e.g. bytes.Clone(buf.Bytes()).", len(want))
			}
		}
		next := record(81, payload)
		mustEncode(t, e, next)
		if string(out) != want {
			t.Fatalf("the output of a %d-byte message changed after the next Encode: %s\nwant it unchanged: %s",
				len(want), short(string(out)), short(want))
		}
	}
}

func TestHiddenMessageIsEncodedIntoThePooledBuffer(t *testing.T) {
	// The pool hands out one roomy buffer; Encode is to write the message into it
	// rather than into memory allocated for this message alone.
	roomy := func() *bytes.Buffer { return bytes.NewBuffer(make([]byte, 0, 8<<10)) }
	for i, payload := range []int{10, 200, 2 << 10} {
		pool := newRecordingPool(roomy)
		e := hl7json.NewEncoderWithPool(pool)
		r := record(90+i, payload)
		want := wantJSON(t, r)

		mustEncode(t, e, r)

		puts := pool.putsSince(0)
		if len(puts) != 1 {
			t.Fatalf("Encode of a %d-byte message made %d Puts; want the one buffer it took back in the pool",
				len(want), len(puts))
		}
		b := puts[0].buf.Bytes()
		if !bytes.Contains(b[:cap(b)], []byte(want)) {
			t.Fatal("Encode took a buffer from the pool and put it back, but never encoded the message into " +
				"it. The encoder reuses its *bytes.Buffers through the pool instead of allocating memory for " +
				"each message: encode into the pooled buffer (json.NewEncoder(buf).Encode(r)), then copy the " +
				"result out. Getting and putting a buffer that json.Marshal bypasses is not reuse.")
		}
	}
}
