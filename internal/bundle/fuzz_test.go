package bundle

import (
	"reflect"
	"testing"
	"time"
)

// FuzzDecode feeds Decode arbitrary bytes: it never panics, and a bundle
// it accepts encodes again and decodes to the same record.
func FuzzDecode(f *testing.F) {
	good := encodeFixture(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(`{"format": "partnership-maturity-bundle", "version": 1, "payload": {}}`))
	f.Add([]byte(`[[[[{"a":1}]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, rec, err := Decode("fuzz.json", data)
		if err != nil {
			return
		}
		again, err := Encode(q, rec, Meta{ExportedAt: time.Unix(0, 0), Generator: "fuzz"})
		if err != nil {
			t.Fatalf("an accepted bundle does not encode again: %v", err)
		}
		_, rec2, err := Decode("again.json", again)
		if err != nil {
			t.Fatalf("a re-encoded bundle does not decode: %v", err)
		}
		if !reflect.DeepEqual(rec, rec2) {
			t.Fatal("the record changed on the way round")
		}
	})
}
