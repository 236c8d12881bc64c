package path_test

import (
	_ "embed"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

// testdata/glob_win32.json holds what Node 20.20 gives for matchesGlob and the win32 functions,
// made by testdata/glob_win32_gen.js.
//
//go:embed testdata/glob_win32.json
var globWin32JSON []byte

type globWin32Cases struct {
	Glob  [][4]any
	Parse [][2]any
	Rel   [][3]string
	NS    [][2]string
}

func loadGlobWin32(t *testing.T) globWin32Cases {
	var c globWin32Cases
	if err := json.Unmarshal(globWin32JSON, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestMatchesGlobAsNode(t *testing.T) {
	for _, c := range loadGlobWin32(t).Glob {
		p, g, windows, want := c[0].(string), c[1].(string), c[2].(bool), c[3].(bool)
		if got := path.MatchesGlob(p, g, windows); got != want {
			t.Errorf("MatchesGlob(%q, %q, %v) = %v, want %v", p, g, windows, got, want)
		}
	}
}

func TestWin32AsNode(t *testing.T) {
	c := loadGlobWin32(t)
	var w path.Win32
	for _, pc := range c.Parse {
		want := pc[1].(map[string]any)
		got := w.Parse(pc[0].(string))
		if got.Root != want["root"] || got.Dir != want["dir"] || got.Base != want["base"] || got.Ext != want["ext"] || got.Name != want["name"] {
			t.Errorf("Parse(%q) = %+v, want %v", pc[0], got, want)
		}
	}
	for _, rc := range c.Rel {
		jstest.Expect(t, "Relative("+rc[0]+", "+rc[1]+")", w.Relative(rc[0], rc[1]), rc[2])
	}
	for _, nc := range c.NS {
		jstest.Expect(t, "ToNamespacedPath("+nc[0]+")", w.ToNamespacedPath(nc[0]), nc[1])
	}
}

func TestMembersAndWarning(t *testing.T) {
	rt := jstest.New(t, jstest.Global("path", path.Require))
	jstest.Expect(t, "keys", jstest.Eval(t, rt, `Object.keys(path).join() + ' ' + Object.keys(path.win32).join()`),
		"resolve,normalize,isAbsolute,join,relative,toNamespacedPath,dirname,basename,extname,format,parse,matchesGlob,sep,delimiter,win32,posix,_makeLong "+
			"resolve,normalize,isAbsolute,join,relative,toNamespacedPath,dirname,basename,extname,format,parse,matchesGlob,sep,delimiter,win32,posix,_makeLong")
	jstest.Expect(t, "makeLong", jstest.Eval(t, rt, `path._makeLong === path.toNamespacedPath && path.win32._makeLong === path.win32.toNamespacedPath`), "true")
	jstest.Expect(t, "error", jstest.Eval(t, rt, `(() => { try { path.matchesGlob('x', 1) } catch (e) { return e.code + ': ' + e.message } })()`),
		`ERR_INVALID_ARG_TYPE: The "pattern" argument must be of type string. Received type number (1)`)
}

func TestMatchesGlobWarnsOnce(t *testing.T) {
	proc := func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) }
	rt := jstest.New(t, proc, jstest.Global("path", path.Require))
	jstest.Eval(t, rt, `path.matchesGlob('a', '*'); path.win32.matchesGlob('a', '*')`)
	if n := strings.Count(jstest.LogsOf(rt).String(), "glob is an experimental feature and might change at any time"); n != 1 {
		t.Errorf("%d experimental warnings, want 1:\n%s", n, jstest.LogsOf(rt))
	}
}
