package hl7json_test

import "testing"

import "gokata.dev/katas/pools-buffer-encoder"

func TestEncodeWritesOneJSONLine(t *testing.T) {
	e := hl7json.NewEncoder()
	r := hl7json.Record{MessageID: "MSG-000001", Type: "ADT^A04", PatientID: "P00042", Payload: "PID|1||P00042"}

	got := string(mustEncode(t, e, r))

	if want := wantJSON(t, r); got != want {
		t.Fatalf("Encode = %q\nwant     %q", got, want)
	}
}

func TestEncodeStartsFromAnEmptyBuffer(t *testing.T) {
	// Every buffer this pool hands out still holds an old message, as pooled
	// buffers do.
	e := hl7json.NewEncoderWithPool(newRecordingPool(dirtyBuffer))
	r := record(7, 40)

	got := string(mustEncode(t, e, r))

	if want := wantJSON(t, r); got != want {
		t.Fatalf("Encode with a buffer from the pool = %s\nwant %s\n"+
			"A buffer from a pool still holds what its previous user wrote; the output starts with that "+
			"old message. Nothing guarantees you get a new buffer.", short(got), short(want))
	}
}

func TestEncodedBytesSurviveTheNextEncode(t *testing.T) {
	e := hl7json.NewEncoderWithPool(newRecordingPool(cleanBuffer))
	first, second := record(1, 30), record(2, 30)

	out := mustEncode(t, e, first)
	mustEncode(t, e, second)

	if got, want := string(out), wantJSON(t, first); got != want {
		t.Fatalf("the bytes returned for %s changed when %s was encoded:\n got  %s\n want %s\n"+
			"The caller owns what Encode returns; a later Encode must not be able to write into it.",
			first.MessageID, second.MessageID, short(got), short(want))
	}
}
