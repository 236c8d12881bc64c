package punycode_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/punycode"
)

func TestPunycode(t *testing.T) {
	rt := jstest.New(t, jstest.Global("punycode", punycode.Require))
	got := jstest.Eval(t, rt, `[punycode.version, punycode.encode('mañana'), punycode.decode('maana-pta'),
		punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'),
		(() => { try { punycode.decode('\x81') } catch (e) { return e.name + ': ' + e.message } })()].join('|')`)
	if want := "2.1.0|maana-pta|mañana|xn--maana-pta.com|mañana.com|RangeError: Invalid input"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
