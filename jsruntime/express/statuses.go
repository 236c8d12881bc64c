package express

import (
	"strconv"

	"github.com/pluginhost/pluginhost/jsruntime/internal/httptext"
)

// statusText is the `statuses` package table Express 4 uses (sendStatus, redirect bodies and
// finalhandler messages): Node's http.STATUS_CODES.
var statusText = httptext.Status

// statusMessage is statuses.message[code] || String(code).
func statusMessage(code int) string {
	if s, ok := statusText[code]; ok {
		return s
	}
	return strconv.Itoa(code)
}
