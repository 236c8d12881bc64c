package util_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/crypto"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// memberCases pair an expression using the util members Node added after v10 with String() of its
// value under Node 20.20 (recorded there).
var memberCases = [][2]string{
	{"JSON.stringify(util.parseEnv('B=1\\nA=\"x\\\\ny\" # c\\nexport C=3 # d\\nD=\\'q\\' z\\nE=\"open\\nF=`t`'))",
		`{"A":"x\ny","B":"1","C":"3","D":"q","E":"\"open","F":"t"}`},
	{`JSON.stringify(util.parseEnv('A=1\n=2\nB=3'))`,
		`{"A":"1"}`},
	{`JSON.stringify(util.parseEnv('A=1\n   =2\nB=3'))`,
		`{"\n":"2","A":"1","B":"3"}`},
	{`JSON.stringify(util.parseArgs({ args: ['-vn', 'x', '--tag=a', '--tag', 'b', '--', 'p'], allowPositionals: true, options: { v: { type: 'boolean' }, n: { type: 'string' }, tag: { type: 'string', multiple: true }, d: { type: 'string', default: 'dflt' } } }))`,
		`{"values":{"v":true,"n":"x","tag":["a","b"],"d":"dflt"},"positionals":["p"]}`},
	{`JSON.stringify(util.parseArgs({ args: ['--no-color'], allowNegative: true, tokens: true, options: { color: { type: 'boolean' } } }))`,
		`{"values":{"color":false},"positionals":[],"tokens":[{"kind":"option","name":"color","rawName":"--no-color","index":0}]}`},
	{`(() => { try { util.parseArgs({ args: ['--x'] }) } catch (e) { return e.code + ': ' + e.message } })()`,
		`ERR_PARSE_ARGS_UNKNOWN_OPTION: Unknown option '--x'`},
	{`(() => { try { util.parseArgs({ args: ['--n', '-v'], options: { n: { type: 'string' } } }) } catch (e) { return e.code + ': ' + e.message } })()`,
		`ERR_PARSE_ARGS_INVALID_OPTION_VALUE: Option '--n' argument is ambiguous.
Did you forget to specify the option argument for '--n'?
To specify an option argument starting with a dash use '--n=-XYZ'.`},
	{`(() => { const m = new util.MIMEType('Text/HTML; Charset="utf-8"; a=b c; a=2'); return [m.essence, String(m), m.params.get('charset')].join(' ') })()`,
		`text/html text/html;charset=utf-8;a="b c" utf-8`},
	{`(() => { try { new util.MIMEType('te xt/plain') } catch (e) { return e.code + ': ' + e.message } })()`,
		`ERR_INVALID_MIME_SYNTAX: The MIME syntax for a type in "te xt/plain" is invalid at 2`},
	{`[util.getSystemErrorName(-2), util.getSystemErrorName(-3008), util.getSystemErrorMap().get(-98).join(':')].join()`,
		`ENOENT,EAI_NONAME,EADDRINUSE:address already in use`},
	{`(() => { try { util.getSystemErrorName(1) } catch (e) { return e.code + ': ' + e.message } })()`,
		`ERR_OUT_OF_RANGE: The value of "err" is out of range. It must be a negative integer. Received 1`},
	{`(() => { const e = util._errnoException(-2, 'open', 'x'); return [e.message, e.errno, e.code, e.syscall].join() })()`,
		`open ENOENT x,-2,ENOENT,open`},
	{`util._exceptionWithHostPort(-111, 'connect', '1.2.3.4', 80).message`,
		`connect ECONNREFUSED 1.2.3.4:80`},
	{`JSON.stringify([util.styleText('red', 'x'), util.styleText(['bold', 'red'], 'x'), util.styleText('grey', 'x', { validateStream: false })])`,
		`["x","\u001b[1m\u001b[31mx\u001b[39m\u001b[22m","\u001b[90mx\u001b[39m"]`},
	{`JSON.stringify(util.stripVTControlCharacters('\u001b[1mbold\u001b[22m'))`,
		`"bold"`},
	{`JSON.stringify(util.toUSVString('a\ud800b'))`,
		`"a�b"`},
	{`JSON.stringify(util._extend({ a: 1 }, { b: 2 }))`,
		`{"a":1,"b":2}`},
	{`(function () { const t = util.types; return [t.isArgumentsObject(arguments), t.isArgumentsObject([]), t.isGeneratorObject((function* () {})()), t.isMapIterator(new Map().keys()), t.isSetIterator(new Set().keys()), t.isSetIterator(new Map().keys()), t.isProxy(new Proxy({}, {})), t.isProxy({}), t.isExternal({}), t.isModuleNamespaceObject({})].join() })()`,
		`true,false,true,true,true,false,true,false,false,false`},
}

func TestMembersMatchNode(t *testing.T) {
	rt := jstest.New(t, web.Install, jstest.Global("util", util.Require))
	for _, c := range memberCases {
		jstest.Expect(t, c[0], jstest.Eval(t, rt, c[0]), c[1])
	}
}

func TestMemberKeysAreNodes(t *testing.T) {
	rt := jstest.New(t, web.Install, jstest.Global("util", util.Require))
	jstest.Expect(t, "keys", jstest.Eval(t, rt, "Object.keys(util).join()"),
		"_errnoException,_exceptionWithHostPort,_extend,callbackify,debug,debuglog,deprecate,format,styleText,"+
			"formatWithOptions,getSystemErrorMap,getSystemErrorName,inherits,inspect,isArray,isBoolean,isBuffer,"+
			"isDeepStrictEqual,isNull,isNullOrUndefined,isNumber,isString,isSymbol,isUndefined,isRegExp,isObject,isDate,"+
			"isError,isFunction,isPrimitive,log,promisify,stripVTControlCharacters,toUSVString,transferableAbortSignal,"+
			"transferableAbortController,aborted,types,parseEnv,parseArgs,TextDecoder,TextEncoder,MIMEType,MIMEParams")
	// The lazy members become data properties once read.
	jstest.Expect(t, "lazy", jstest.Eval(t, rt, `
		const before = typeof Object.getOwnPropertyDescriptor(util, 'MIMEType').get;
		util.MIMEType;
		[before, 'value' in Object.getOwnPropertyDescriptor(util, 'MIMEType')].join()`), "function,true")
}

func TestAbortedSettlesOnAbort(t *testing.T) {
	rt := jstest.New(t, web.Install, jstest.Global("util", util.Require))
	got := jstest.Await(t, rt, `(async () => {
		const out = [];
		const ac = new AbortController();
		const p = util.aborted(ac.signal, {}).then(() => out.push('aborted'));
		out.push('waiting');
		ac.abort();
		await p;
		await util.aborted(ac.signal, {});
		await util.aborted({}, {}).catch((e) => out.push(e.code));
		return out.join();
	})()`)
	jstest.Expect(t, "aborted", got, "waiting,aborted,ERR_INVALID_ARG_TYPE")
}

func TestKeyTypesKnowCryptosKeys(t *testing.T) {
	rt := jstest.New(t, web.Install, crypto.Install, jstest.Global("util", util.Require), jstest.Global("nodeCrypto", crypto.Require))
	got := jstest.Await(t, rt, `(async () => {
		const key = await nodeCrypto.webcrypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
		const secret = nodeCrypto.createSecretKey(new Uint8Array([1]));
		return [util.types.isCryptoKey(key), util.types.isCryptoKey(secret), util.types.isKeyObject(secret),
			util.types.isKeyObject(key), util.types.isKeyObject({})].join();
	})()`)
	jstest.Expect(t, "key types", got, "true,false,true,false,false")
}
