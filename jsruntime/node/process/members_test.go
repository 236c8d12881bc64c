package process_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
)

// envCases pair .env contents with what Node 20.20's util.parseEnv makes of them (keys sorted).
var envCases = [][2]string{
	{"A= \"q\"", "{\"A\":\"q\"}"},
	{"A=\"q\" trailing\nB=2", "{\"A\":\"q\",\"B\":\"2\"}"},
	{"A='q'", "{\"A\":\"q\"}"},
	{"A=\"q", "{}"},
	{"A=\"q\nB=2", "{\"A\":\"\\\"q\",\"B\":\"2\"}"},
	{"A=v", "{\"A\":\"v\"}"},
	{"A=", "{\"A\":\"\"}"},
	{"A=\nB=2", "{\"A\":\"\",\"B\":\"2\"}"},
	{"=x\nB=2", "{}"},
	{"NOEQ\nB=2", "{\"NOEQ\\nB\":\"2\"}"},
	{"B=2\nNOEQ", "{\"B\":\"2\"}"},
	{"export  A=1", "{\" A\":\"1\"}"},
	{"A=\"x\\ny\"", "{\"A\":\"x\\ny\"}"},
	{"A=\"a\"b\"\nC=3", "{\"A\":\"a\",\"C\":\"3\"}"},
	{"A=1 #c\n#B=2\n  #C=3\nD=4", "{\"#C\":\"3\",\"A\":\"1\",\"D\":\"4\"}"},
	{" A = 1 ", "{\"A\":\"1\"}"},
	{"A=1\r\nB=2", "{\"A\":\"1\",\"B\":\"2\"}"},
	{"A=\"line1\nline2\"\nB=3", "{\"A\":\"line1\\nline2\",\"B\":\"3\"}"},
	{"A=`b`", "{\"A\":\"b\"}"},
	{"A=\"x\"", "{\"A\":\"x\"}"},
	{"A=\"x\"\n\n\nB=1", "{\"A\":\"x\",\"B\":\"1\"}"},
	{"A=#x", "{\"A\":\"\"}"},
	{"A= #x\nB=1", "{\"A\":\"\",\"B\":\"1\"}"},
	{"\n\n  A=1", "{\"A\":\"1\"}"},
	{"A:1", "{}"},
	{"A\t=1", "{\"A\\t\":\"1\"}"},
	{"A=\t1\t", "{\"A\":\"\\t1\\t\"}"},
	{"A=\"unterminated", "{}"},
	{"A='x\ny'\nB=1", "{\"A\":\"x\\ny\",\"B\":\"1\"}"},
	{"#A=1", "{\"#A\":\"1\"}"},
	{"A=1\n#B=2", "{\"#B\":\"2\",\"A\":\"1\"}"},
	{"A='x", "{}"},
	{"A='x\nB=1", "{\"A\":\"'x\",\"B\":\"1\"}"},
	{"A=`x\\ny`", "{\"A\":\"x\\\\ny\"}"},
	{"A=\"x\"#c\nB=2", "{\"A\":\"x\",\"B\":\"2\"}"},
	{"A=  ", "{\"A\":\"\"}"},
	{"A=v\n", "{\"A\":\"v\"}"},
	{"A=1\nA=2", "{\"A\":\"2\"}"},
	{"export A=\"q\"", "{\"A\":\"q\"}"},
	{"A=a b  c  ", "{\"A\":\"a b  c\"}"},
	{"A=''", "{\"A\":\"\"}"},
	{"A=\"\"", "{\"A\":\"\"}"},
	{"A=\"\\n\"", "{\"A\":\"\\n\"}"},
	{"A = 'x' # c\nB=2", "{\"A\":\"x\",\"B\":\"2\"}"},
	{"   ", "{}"},
	{"", "{}"},
	{"A==b", "{\"A\":\"=b\"}"},
	{"K E Y=v", "{\"K E Y\":\"v\"}"},
}

func TestParseEnvMatchesNode(t *testing.T) {
	for _, c := range envCases {
		got, err := json.Marshal(util.ParseEnv(c[0]))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c[1] {
			t.Errorf("util.ParseEnv(%q)\n got: %s\nwant: %s", c[0], got, c[1])
		}
	}
}

func TestLoadEnvFileKeepsSetVariables(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("A=from file\nB=\"two\\nlines\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, process.Config{Env: map[string]string{"A": "set"}, Cwd: dir})
	jstest.Expect(t, "env", jstest.AwaitJSON(t, rt, `process.loadEnvFile(), [process.env.A, process.env.B]`), `["set","two\nlines"]`)
	jstest.Expect(t, "missing", jstest.AwaitJSON(t, rt, `(() => { try { process.loadEnvFile('nope.env') } catch (e) { return [e.code, e.syscall, e.path] } })()`),
		`["ENOENT","open","nope.env"]`)
}

// An exception thrown by a timer callback goes to the capture callback, then to 'uncaughtException'
// listeners once the callback is removed (as does an unhandled rejection, reported when its job
// ends), and to the log only when neither is there.
func TestUncaughtExceptionsReachThePlugin(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const seen = [];
		const tick = () => new Promise((r) => setTimeout(r, 5));
		process.setUncaughtExceptionCaptureCallback((e) => seen.push('capture ' + e.message));
		setTimeout(() => { throw new Error('one'); }, 1);
		await tick();
		process.setUncaughtExceptionCaptureCallback(null);
		process.on('uncaughtException', (e, origin) => seen.push(origin + ' ' + e.message));
		setTimeout(() => { throw new Error('two'); }, 1);
		Promise.reject(new Error('three'));
		await tick();
		process.removeAllListeners('uncaughtException');
		setTimeout(() => { throw new Error('logged'); }, 1);
		await tick();
		return seen;
	})()`)
	jstest.Expect(t, "seen", got, `["capture one","unhandledRejection three","uncaughtException two"]`)
	logs := jstest.LogsOf(rt).String()
	for _, msg := range []string{"one", "two", "three"} {
		if strings.Contains(logs, "Error: "+msg) {
			t.Errorf("the handled exception %q was logged:\n%s", msg, logs)
		}
	}
	if !strings.Contains(logs, "Error: logged") {
		t.Errorf("the unhandled exception was not logged:\n%s", logs)
	}
}
