package constants_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/constants"
)

func TestConstantsMergesOSFSAndCrypto(t *testing.T) {
	rt := jstest.New(t, jstest.Global("c", constants.Require))
	got := jstest.Eval(t, rt, `[c.ENOENT, c.SIGTERM, c.PRIORITY_HIGH, c.O_CREAT, c.F_OK, c.SSL_OP_ALL, c.TLS1_3_VERSION,
		Object.isFrozen(c), Object.keys(c).pop()].join()`)
	if want := "2,15,-14,64,0,2147485776,772,true,POINT_CONVERSION_HYBRID"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
