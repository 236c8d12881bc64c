package loadtest

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// EchoDocument is the benchmark's echo body: a compact JSON document of about size bytes, an array
// of records like a chat's messages (ASCII and non-ASCII text, escapes, numbers, booleans, null).
// Keys are in sorted order and numbers are in V8's shortest form, so JSON.stringify of the parsed
// document and Go's encoding of it both give these bytes back.
func EchoDocument(size int) []byte {
	type item struct {
		Active bool     `json:"active"`
		ID     int      `json:"id"`
		Name   string   `json:"name"`
		Note   *string  `json:"note"`
		Score  float64  `json:"score"`
		Tags   []string `json:"tags"`
		Text   string   `json:"text"`
	}
	type doc struct {
		Items []item         `json:"items"`
		Meta  map[string]any `json:"meta"`
	}
	d := doc{Meta: map[string]any{"count": 0, "source": "bench", "version": 1.5}}
	for i := 0; ; i++ {
		d.Items = append(d.Items, item{
			Active: i%3 != 0, ID: i, Name: fmt.Sprintf("Character %d", i), Score: float64(i)*1.25 + 0.5,
			Tags: []string{"chat", "bench", fmt.Sprintf("t%d", i%7)},
			Text: "The quick brown fox jumps over the lazy dog — naïve café, “quoted” \"text\"\n",
		})
		d.Meta["count"] = len(d.Items)
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			panic(err) // fixed types only
		}
		if b.Len()-1 >= size {
			return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		}
	}
}
