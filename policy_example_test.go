package pluginhost_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
)

// Restrain one plugin: it may read and write testdata/policy/data (and read its own folder), start
// no process, and connect only to 127.0.0.1. The other plugins have no policy and are unrestricted.
// In config.yaml the same policy is:
//
//	pluginHost:
//	  plugins:
//	    jailed:
//	      fs: [testdata/policy/data]
//	      childProcess: false
//	      network: ["127.0.0.1"]
func ExamplePolicy() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "testdata/policy/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
		Policies: map[string]pluginhost.Policy{
			"jailed": {FS: []string{"testdata/policy/data"}, Network: []string{"127.0.0.1"}},
		},
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())
	r := chi.NewRouter()
	host.Mount(r)

	for _, what := range []string{"readData", "readOutside", "spawn"} {
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/jailed/try/"+what, nil))
		var body struct{ Result string }
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		// The refused read names the file by its absolute path; show the rest.
		if i := strings.Index(body.Result, " ("); strings.HasPrefix(body.Result, "EACCES EACCES:") && i > 0 {
			body.Result = "EACCES ..." + body.Result[i:]
		}
		fmt.Printf("%s: %s\n", what, body.Result)
	}
	// Output:
	// readData: ok data
	// readOutside: EACCES ... (pluginHost.plugins.jailed.fs does not allow it)
	// spawn: EACCES spawn true EACCES (pluginHost.plugins.jailed.childProcess does not allow it)
}
