package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestDispositionWithKnownLength checks Node 20's Content-Disposition rewrite: when the body length
// is known as the header is written (end() with a chunk, or a Content-Length header set before it),
// the value's Latin-1 bytes are decoded as UTF-8, so é (0xE9, not UTF-8) becomes U+FFFD, sent as
// 0xFD, while a UTF-8 sequence spelled in Latin-1 collapses into its character.
func TestDispositionWithKnownLength(t *testing.T) {
	f := setup(t, Config{}, `
		const buf = (s) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
		router.get('/send/:n', (req, res) => res.attachment(req.params.n).send('file'));
		router.get('/empty/:n', (req, res) => res.attachment(req.params.n).end());
		router.get('/mojibake', (req, res) => { res.setHeader('Content-Disposition', 'attachment; filename="\u00c3\u00a9"'); res.end(buf('file')) });
		router.get('/cl-first', (req, res) => { res.setHeader('Content-Length', '4'); res.setHeader('Content-Disposition', 'attachment; filename="\u00e9"'); res.write(buf('fi')); res.end(buf('le')) });
		router.get('/cl-last', (req, res) => { res.setHeader('Content-Disposition', 'attachment; filename="\u00e9"'); res.setHeader('Content-Length', '4'); res.write(buf('fi')); res.end(buf('le')) });
	`)
	cd := func(path string) string {
		t.Helper()
		return f.get("/api/plugins/test" + path).header.Get("Content-Disposition")
	}
	jstest.Expect(t, "send", cd("/send/r%C3%A9sum%C3%A9.txt"), "attachment; filename=\"r\xfdsum\xfd.txt\"")
	jstest.Expect(t, "end without a chunk", cd("/empty/r%C3%A9sum%C3%A9.txt"), "attachment; filename=\"r\xe9sum\xe9.txt\"")
	jstest.Expect(t, "UTF-8 in Latin-1", cd("/mojibake"), "attachment; filename=\"\xe9\"")
	jstest.Expect(t, "Content-Length first", cd("/cl-first"), "attachment; filename=\"\xfd\"")
	jstest.Expect(t, "Content-Length after", cd("/cl-last"), "attachment; filename=\"\xe9\"")
}
