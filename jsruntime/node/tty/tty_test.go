package tty_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/tty"
)

func TestTTY(t *testing.T) {
	rt := jstest.New(t, jstest.Global("tty", tty.Require))
	try := func(call string) string {
		return "(() => { try { " + call + "; return 'no error' } catch (e) { return e.code + ': ' + e.message } })()"
	}
	cases := [][2]string{
		{"Object.keys(tty).join()", "isatty,ReadStream,WriteStream"},
		{"[tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty('x'), tty.isatty(-1)].join()", "false,false,false,false,false"},
		{"typeof tty.ReadStream + ' ' + typeof tty.WriteStream", "function function"},
		{"String({} instanceof tty.WriteStream)", "false"},
		{try("new tty.ReadStream(0)"), "ERR_NOT_SUPPORTED_IN_PLUGINHOST: tty.ReadStream is not supported in pluginhost: plugins have no terminal"},
		{try("new tty.WriteStream(1)"), "ERR_NOT_SUPPORTED_IN_PLUGINHOST: tty.WriteStream is not supported in pluginhost: plugins have no terminal"},
		{try("tty.WriteStream(1)"), "ERR_NOT_SUPPORTED_IN_PLUGINHOST: tty.WriteStream is not supported in pluginhost: plugins have no terminal"},
	}
	for _, c := range cases {
		if got := jstest.Eval(t, rt, c[0]); got != c[1] {
			t.Errorf("%s:\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}
