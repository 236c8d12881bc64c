package tty_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/tty"
)

func TestTTY(t *testing.T) {
	rt := jsruntime.New(jsruntime.Options{})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
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
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		mod, err := tty.Require(rt)
		if err != nil {
			return err
		}
		if err := vm.Set("tty", mod); err != nil {
			return err
		}
		for _, c := range cases {
			v, err := vm.RunString(c[0])
			if err != nil {
				return rt.Describe(err)
			}
			if v.String() != c[1] {
				t.Errorf("%s:\n got %s\nwant %s", c[0], v, c[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
