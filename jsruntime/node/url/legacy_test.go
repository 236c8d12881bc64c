package url_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// legacyCases pair expressions on the legacy url API with String() of their value under Node 20.20.
var legacyCases = [][2]string{
	{`JSON.stringify(url.parse('http://a b.com/c d?x=1#h'))`,
		`{"protocol":"http:","slashes":true,"auth":null,"host":"a","port":null,"hostname":"a","hash":"#h","search":"?x=1","query":"x=1","pathname":"%20b.com/c%20d","path":"%20b.com/c%20d?x=1","href":"http://a/%20b.com/c%20d?x=1#h"}`},
	{`JSON.stringify(url.parse('  javascript:alert(1)  '))`,
		`{"protocol":"javascript:","slashes":null,"auth":null,"host":null,"port":null,"hostname":null,"hash":null,"search":null,"query":null,"pathname":"alert(1)","path":"alert(1)","href":"javascript:alert(1)"}`},
	{`JSON.stringify(url.parse('http://[::1]:3000/x?a=1&a=2', true).query)`,
		`{"a":["1","2"]}`},
	{`url.parse('http://x/') instanceof url.Url`,
		`true`},
	{`(() => { try { url.parse('http://xn--a.com') } catch (e) { return [e.name, e.code, e.message, e.input].join() } })()`,
		`TypeError,ERR_INVALID_URL,Invalid URL,http://xn--a.com`},
	{`url.format({ protocol: 'http', auth: 'us er:p;w', hostname: '::1', port: 80, pathname: 'p#q', query: { a: ['1', '2'] } })`,
		`http://us%20er:p%3Bw@[::1]:80/p%23q?a=1&a=2`},
	{`url.format(new URL('http://u:p@xn--mnchen-3ya.de:81/a?b#c'), { fragment: false, unicode: true, search: false, auth: false })`,
		`http://münchen.de:81/a`},
	{`[url.resolve('http://a/b/c/d;p?q', '../../../g'), url.resolve('mailto:a@b', 'c@d'), url.resolve('/one/two/three', 'four')].join(' ')`,
		`http://a/g mailto:c@d /one/two/four`},
	{`url.resolveObject('http://a/b/c', '../d?x#y').href`,
		`http://a/d?x#y`},
	{`JSON.stringify(url.urlToHttpOptions(new URL('https://a:b%20c@[::1]:8443/p?q=1#h')))`,
		`{"protocol":"https:","hostname":"::1","hash":"#h","search":"?q=1","pathname":"/p","path":"/p?q=1","href":"https://a:b%20c@[::1]:8443/p?q=1#h","port":8443,"auth":"a:b c"}`},
	{`Object.keys(url).join()`,
		`Url,parse,resolve,resolveObject,format,URL,URLSearchParams,domainToASCII,domainToUnicode,pathToFileURL,fileURLToPath,urlToHttpOptions`},
}

func TestLegacyAPIMatchesNode(t *testing.T) {
	rt := jstest.New(t, jstest.Global("url", nodeurl.Require), nodeurl.Install)
	for _, c := range legacyCases {
		jstest.Expect(t, c[0], jstest.Eval(t, rt, c[0]), c[1])
	}
}
