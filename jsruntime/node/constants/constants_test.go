package constants_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/constants"
)

func TestConstantsMergesOSFSAndCrypto(t *testing.T) {
	rt := jsruntime.New(jsruntime.Options{Logger: slog.New(slog.DiscardHandler)})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	var got string
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		m, err := constants.Require(rt)
		if err != nil {
			return err
		}
		if err := vm.Set("c", m); err != nil {
			return err
		}
		v, err := vm.RunString(`[c.ENOENT, c.SIGTERM, c.PRIORITY_HIGH, c.O_CREAT, c.F_OK, c.SSL_OP_ALL, c.TLS1_3_VERSION,
			Object.isFrozen(c), Object.keys(c).pop()].join()`)
		if err != nil {
			return err
		}
		got = v.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "2,15,-14,64,0,2147485776,772,true,POINT_CONVERSION_HYBRID"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
