package punycode_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/punycode"
)

func TestPunycode(t *testing.T) {
	rt := jsruntime.New(jsruntime.Options{Logger: slog.New(slog.DiscardHandler)})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	var got string
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		m, err := punycode.Require(rt)
		if err != nil {
			return err
		}
		if err := vm.Set("punycode", m); err != nil {
			return err
		}
		v, err := vm.RunString(`[punycode.version, punycode.encode('mañana'), punycode.decode('maana-pta'),
			punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'),
			(() => { try { punycode.decode('\x81') } catch (e) { return e.name + ': ' + e.message } })()].join('|')`)
		if err != nil {
			return err
		}
		got = v.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "2.1.0|maana-pta|mañana|xn--maana-pta.com|mañana.com|RangeError: Invalid input"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
