package pluginhost

import "testing"

func TestValidationRefusals(t *testing.T) {
	th := startHost(t, "testdata/validation")
	th.which(t, "good", "good")
	th.which(t, "default-only", "default")
	refusals := map[string]string{
		"no-info.js":            "plugin info not found",
		"info-string.js":        "plugin info not found",
		"missing-name.js":       "plugin info missing field 'name'",
		"description-number.js": "plugin info missing field 'description'",
		"no-init.js":            "no init function",
		"init-not-function.js":  "no init function",
		"id-upper.js":           "invalid plugin ID 'MyPlugin'",
		"id-dot.js":             "invalid plugin ID 'my.plugin'",
		"id-space.js":           "invalid plugin ID 'my plugin'",
	}
	for file, reason := range refusals {
		th.log.mustLog(t, "Failed to load plugin from", file, reason)
	}
	for _, p := range th.host.Plugins() {
		if _, refused := refusals[p.Entry]; refused && (p.Loaded || p.Err == nil) {
			t.Errorf("%s: loaded=%v err=%v, want refused", p.Entry, p.Loaded, p.Err)
		}
	}
}

func TestValidIDRule(t *testing.T) {
	for _, id := range []string{"my-plugin", "llm_proxy", "image-cache-v2", "a", "0"} {
		if !validID.MatchString(id) {
			t.Errorf("%q should be valid", id)
		}
	}
	for _, id := range []string{"MyPlugin", "my.plugin", "my plugin", "", "é"} {
		if validID.MatchString(id) {
			t.Errorf("%q should be invalid", id)
		}
	}
}

func TestDuplicateIDSkipsLaterPlugin(t *testing.T) {
	th := startHost(t, "testdata/duplicates")
	th.which(t, "dup", "a-first")
	th.which(t, "other", "other")
	th.log.mustLog(t, "plugin ID 'dup' is already in use", "b-second.js", "a-first.js")
	if lines := th.log.lines("b-second init ran"); len(lines) != 0 {
		t.Errorf("the skipped duplicate's init must not run: %q", lines)
	}
}

// Documented difference: ids are decided before the parallel inits, so when the first claimant of an id
// fails in init, the skipped duplicate is not retried (Luker, loading one by one, would load it).
func TestDuplicateNotRetriedWhenFirstInitFails(t *testing.T) {
	th := startHost(t, "testdata/duplicates-initfail")
	th.notServed(t, "/api/plugins/shared/which")
	th.log.mustLog(t, "plugin ID 'shared' is already in use", "b-works.js")
	th.log.mustLog(t, "Failed to load plugin from", "a-fails.js", "first init fails")
}
