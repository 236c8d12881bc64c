package conformance

import (
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
