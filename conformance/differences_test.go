package conformance

import (
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"strings"
)

// difference documents why a case intentionally differs from Luker's Node host, and what pluginhost
// answers instead; the test asserts that answer.
type difference struct {
	Reason string
	Ours   expectation
}

// expectation is pluginhost's documented answer to a case.
type expectation struct {
	Status int
	Body   string
	// Headers maps compared headers to their expected value; "" means the header must be absent.
	Headers map[string]string
}

// documentedDifferences is the only place a case may differ, keyed by case name.
var documentedDifferences = map[string]difference{
	"errors/async-reject": {
		Reason: "a rejected promise from an async handler goes to next(err) (Express 5 behaviour) instead of leaving the request hanging as Express 4 does",
		Ours:   finalhandlerResponse(500, "Internal Server Error"),
	},
	"errors/async-middleware": {
		Reason: "a rejected promise from async middleware goes to next(err) (Express 5 behaviour); its status 422 reaches finalhandler",
		Ours:   finalhandlerResponse(422, "Unprocessable Entity"),
	},
	"context/reject": {
		Reason: "a rejected promise from an async handler goes to next(err) (Express 5 behaviour); the error handler still sees the request's AsyncLocalStorage store",
		Ours:   jsonResponse(418, `{"error":"rejected","id":"req-reject"}`),
	},
	"errors/oversize-declared": {
		Reason: "a declared Content-Length above the global parsers' limit: body-parser's read() dumps the whole body before passing the 413 on, so Node answers only after all 600 MB arrived (never, here: the client sends none); pluginhost answers 413 at once and never reads what it rejects",
		Ours:   finalhandlerResponse(413, "Payload Too Large"),
	},

	// Malformed requests that Go's net/http answers itself, before any handler runs. The embedding
	// application owns the http.Server, so these are its parser's answers.
	"bodies/content-length-duplicate": {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"bodies/content-length-invalid":   {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"paths/bad-escape":                {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"router/param-bad-hex":            {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"router/unmatched-bad-escape":     {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"request/headers-duplicate-host":  {Reason: goParser, Ours: goBadRequest("400 Bad Request")},
	"request/headers-bad-name":        {Reason: goParser, Ours: goBadRequest("400 Bad Request: invalid header name")},
	"loader/asterisk-options":         {Reason: goParser + " (net/http answers OPTIONS * itself)", Ours: expectation{Status: 200, Headers: map[string]string{"Content-Length": "0", "Content-Type": ""}}},

	// Requests Node's parser refuses but net/http accepts: they reach the plugin like any other.
	"bodies/chunked-and-length":            {Reason: goAccepts, Ours: jsonResponse(200, `{"body":{"kind":"string","value":"both"},"_body":true}`)},
	"bodies/content-length-mismatch-short": {Reason: goAccepts, Ours: jsonResponse(200, `{"body":{"kind":"string","value":"abc"},"_body":true}`)},
	"request/query-unicode":                {Reason: goAccepts, Ours: jsonResponse(200, `{"name":"€ 😀","raw":"é"}`)},
	"router/method-lowercase":              {Reason: goAccepts, Ours: jsonResponse(200, `{"method":"get","url":"/m","path":"/m","baseUrl":"/api/plugins/router","originalUrl":"/api/plugins/router/m","params":{},"keys":[],"trail":["use-all"],"route":"/m"}`)},
	"router/method-unknown":                {Reason: goAccepts + "; no route handles FOO, so it falls through to the 404", Ours: finalhandlerResponse(404, "Cannot FOO /api/plugins/router/m")},

	// net/http keeps headers in a map: names come out host first, then sorted, in canonical case.
	"request/headers-all": {Reason: headerOrder, Ours: jsonResponse(200, `{"host":"api.example.test:3000","connection":"close","x-a":"1","x-b":"2"}`)},
	"request/headers-raw": {Reason: headerOrder, Ours: jsonResponse(200, `["Host","api.example.test:3000","Connection","close","X-Lower","w","X-Mixed-Case","v"]`)},
}

const (
	goParser    = "malformed request rejected by Go's net/http before the plugin host sees it"
	goAccepts   = "Node's HTTP parser rejects this request; Go's net/http accepts it and hands it to the host"
	headerOrder = "net/http does not keep the order or case of request header names"
)

// goBadRequest is net/http's own answer to a request it cannot parse.
func goBadRequest(body string) expectation {
	return expectation{Status: 400, Body: body, Headers: map[string]string{"Content-Type": "text/plain; charset=utf-8", "Etag": ""}}
}

// jsonResponse is res.json's answer: the body with its length and weak ETag.
func jsonResponse(status int, body string) expectation {
	return expectation{Status: status, Body: body, Headers: map[string]string{
		"Content-Type":   "application/json; charset=utf-8",
		"Content-Length": fmt.Sprint(len(body)),
		"Etag":           weakETag(body),
	}}
}

// weakETag is Express's default ETag: W/"<length in hex>-<27 chars of base64(sha1)>".
func weakETag(body string) string {
	sum := sha1.Sum([]byte(body))
	return fmt.Sprintf(`W/"%x-%s"`, len(body), base64.StdEncoding.EncodeToString(sum[:])[:27])
}

// finalhandlerResponse is finalhandler 1.3's production error page.
func finalhandlerResponse(status int, message string) expectation {
	body := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>" +
		message + "</pre>\n</body>\n</html>\n"
	return expectation{
		Status: status,
		Body:   body,
		Headers: map[string]string{
			"Content-Type":   "text/html; charset=utf-8",
			"Content-Length": fmt.Sprint(len(body)),
			"Etag":           "",
		},
	}
}

// check lists how r departs from the expectation.
func (e expectation) check(r result) []string {
	var diffs []string
	if r.Outcome != "" {
		diffs = append(diffs, "outcome: "+r.Outcome)
	}
	if r.Status != e.Status {
		diffs = append(diffs, fmt.Sprintf("status: %d, documented %d", r.Status, e.Status))
	}
	for name, want := range e.Headers {
		if got := strings.Join(r.Headers[name], ", "); got != want {
			diffs = append(diffs, fmt.Sprintf("header %s: %q, documented %q", name, got, want))
		}
	}
	if string(r.Body) != e.Body {
		diffs = append(diffs, "body: "+describeBodies("documented", []byte(e.Body), r.Body))
	}
	return diffs
}
