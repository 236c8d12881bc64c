package path_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
)

// nodeCases pairs expressions evaluated inside `with (path)` with what Node 20 on Linux gives for
// String(expr); $CWD stands for the working directory.
var nodeCases = [][2]string{
	{"join('/foo', 'bar', 'baz/asdf', 'quux', '..')", "/foo/bar/baz/asdf"},
	{"join('foo', '', 'bar')", "foo/bar"},
	{"join('')", "."},
	{"join()", "."},
	{"join('..', 'a')", "../a"},
	{"join('/a', '../../..')", "/"},
	{"join('a/', 'b/')", "a/b/"},
	{"join('./a', './b')", "a/b"},
	{"join('a', '../..')", ".."},
	{"join('//a', 'b')", "/a/b"},
	{"normalize('/foo/bar//baz/asdf/quux/..')", "/foo/bar/baz/asdf"},
	{"normalize('')", "."},
	{"normalize('./')", "./"},
	{"normalize('.')", "."},
	{"normalize('../a/../../b')", "../../b"},
	{"normalize('/../a')", "/a"},
	{"normalize('a//')", "a/"},
	{"normalize('//a')", "/a"},
	{"normalize('/')", "/"},
	{"normalize('a/..')", "."},
	{"normalize('a/../')", "./"},
	{"normalize('./a/./b/.')", "a/b"},
	{"resolve('/foo/bar', './baz')", "/foo/bar/baz"},
	{"resolve('/foo/bar', '/tmp/file/')", "/tmp/file"},
	{"resolve('wwwroot', 'static_files/png/', '../gif/image.gif')", "$CWD/wwwroot/static_files/gif/image.gif"},
	{"resolve()", "$CWD"},
	{"resolve('')", "$CWD"},
	{"resolve('/')", "/"},
	{"resolve('/a/b', '..', '..', '..')", "/"},
	{"resolve('a', '/b', 'c')", "/b/c"},
	{"relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')", "../../impl/bbb"},
	{"relative('/a', '/a')", ""},
	{"relative('/a/b', '/a')", ".."},
	{"relative('/a', '/a/b/c')", "b/c"},
	{"relative('/', '/a')", "a"},
	{"relative('/a', '/')", ".."},
	{"relative('a', 'b')", "../b"},
	{"relative('/foo/bar', '/foo/barbaz')", "../barbaz"},
	{"dirname('/foo/bar/baz/asdf/quux')", "/foo/bar/baz/asdf"},
	{"dirname('/a')", "/"},
	{"dirname('a')", "."},
	{"dirname('')", "."},
	{"dirname('/')", "/"},
	{"dirname('//a')", "//"},
	{"dirname('/a//b')", "/a/"},
	{"dirname('a/b/')", "a"},
	{"dirname('a//')", "."},
	{"dirname('///')", "/"},
	{"dirname('//')", "/"},
	{"dirname('/a/b//')", "/a"},
	{"basename('/foo/bar/baz/asdf/quux.html')", "quux.html"},
	{"basename('/foo/bar/baz/asdf/quux.html', '.html')", "quux"},
	{"basename('/a/b.js/', '.js')", "b"},
	{"basename('a.js', 'a.js')", ""},
	{"basename('aaa/bbb', 'bbb')", "bbb"},
	{"basename('/')", ""},
	{"basename('')", ""},
	{"basename('//a//')", "a"},
	{"basename('file.tar.gz', '.gz')", "file.tar"},
	{"basename('abc', 'bc')", "a"},
	{"basename('x.js', 'x.js.js')", "x.js"},
	{"extname('index.html')", ".html"},
	{"extname('index.coffee.md')", ".md"},
	{"extname('index.')", "."},
	{"extname('index')", ""},
	{"extname('.index')", ""},
	{"extname('.index.md')", ".md"},
	{"extname('..')", ""},
	{"extname('...')", "."},
	{"extname('a..')", "."},
	{"extname('/a.b/c')", ""},
	{"extname('a.b/')", ".b"},
	{"extname('..a.b')", ".b"},
	{"extname('')", ""},
	{"isAbsolute('/a')", "true"},
	{"isAbsolute('a')", "false"},
	{"isAbsolute('')", "false"},
	{"isAbsolute('./a')", "false"},
	{"JSON.stringify(parse('/home/user/dir/file.txt'))", "{\"root\":\"/\",\"dir\":\"/home/user/dir\",\"base\":\"file.txt\",\"ext\":\".txt\",\"name\":\"file\"}"},
	{"JSON.stringify(parse('/'))", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"}"},
	{"JSON.stringify(parse('a'))", "{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"}"},
	{"JSON.stringify(parse('/a'))", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"}"},
	{"JSON.stringify(parse('a/'))", "{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"}"},
	{"JSON.stringify(parse('//a'))", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"}"},
	{"JSON.stringify(parse('/a//b'))", "{\"root\":\"/\",\"dir\":\"/a/\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"}"},
	{"JSON.stringify(parse('.bashrc'))", "{\"root\":\"\",\"dir\":\"\",\"base\":\".bashrc\",\"ext\":\"\",\"name\":\".bashrc\"}"},
	{"JSON.stringify(parse('a/b.c.d/'))", "{\"root\":\"\",\"dir\":\"a\",\"base\":\"b.c.d\",\"ext\":\".d\",\"name\":\"b.c\"}"},
	{"JSON.stringify(parse(''))", "{\"root\":\"\",\"dir\":\"\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"}"},
	{"JSON.stringify(parse('///'))", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"}"},
	{"format({root: '/ignored', dir: '/home/user/dir', base: 'file.txt'})", "/home/user/dir/file.txt"},
	{"format({root: '/', base: 'file.txt', ext: 'ignored'})", "/file.txt"},
	{"format({root: '/', name: 'file', ext: '.txt'})", "/file.txt"},
	{"format({name: 'file', ext: 'txt'})", "file.txt"},
	{"format({dir: 'a', name: 'b'})", "a/b"},
	{"format({})", ""},
	{"sep + delimiter", "/:"},
	{"posix === path", "true"},
	{"toNamespacedPath('/a/b')", "/a/b"},
	{"win32.join('C:\\\\a', 'b', '..\\\\c/d')", "C:\\a\\c\\d"},
	{"win32.join('a', 'b')", "a\\b"},
	{"win32.join('')", "."},
	{"win32.join('/a', 'b')", "\\a\\b"},
	{"win32.normalize('C:\\\\temp\\\\\\\\foo\\\\bar\\\\..\\\\')", "C:\\temp\\foo\\"},
	{"win32.normalize('C:////temp\\\\\\\\/\\\\/\\\\/foo/bar')", "C:\\temp\\foo\\bar"},
	{"win32.normalize('C:')", "C:."},
	{"win32.normalize('C:a\\\\..')", "C:."},
	{"win32.normalize('\\\\\\\\server\\\\share\\\\a\\\\..\\\\b')", "\\\\server\\share\\b"},
	{"win32.normalize('a/../../b')", "..\\b"},
	{"win32.normalize('')", "."},
	{"win32.normalize('\\\\')", "\\"},
	{"win32.normalize('C:\\\\')", "C:\\"},
	{"win32.resolve('C:\\\\a', 'b', '..\\\\c')", "C:\\a\\c"},
	{"win32.resolve('C:\\\\a', 'D:\\\\b')", "D:\\b"},
	{"win32.resolve('\\\\\\\\server\\\\share', 'x')", "\\\\server\\share\\x"},
	{"win32.resolve('C:\\\\a', '\\\\b')", "C:\\b"},
	{"win32.basename('C:\\\\foo.html', '.html')", "foo"},
	{"win32.basename('C:\\\\a\\\\b\\\\')", "b"},
	{"win32.basename('C:')", ""},
	{"win32.basename('a/b')", "b"},
	{"win32.dirname('C:\\\\a\\\\b')", "C:\\a"},
	{"win32.dirname('C:\\\\a')", "C:\\"},
	{"win32.dirname('C:\\\\')", "C:\\"},
	{"win32.dirname('C:a')", "C:"},
	{"win32.dirname('a')", "."},
	{"win32.dirname('\\\\\\\\server\\\\share\\\\a')", "\\\\server\\share\\"},
	{"win32.dirname('a\\\\b\\\\')", "a"},
	{"win32.extname('C:\\\\a\\\\b.txt')", ".txt"},
	{"win32.extname('C:.txt')", ""},
	{"win32.extname('a\\\\.b')", ""},
	{"win32.isAbsolute('C:\\\\a')", "true"},
	{"win32.isAbsolute('C:a')", "false"},
	{"win32.isAbsolute('\\\\a')", "true"},
	{"win32.isAbsolute('/a')", "true"},
	{"win32.isAbsolute('a')", "false"},
	{"win32.sep + win32.delimiter", "\\;"},
	{"win32.posix === path", "true"},
	{"posix.win32 === win32", "true"},
	{"(() => { try { join('a', 1) } catch (e) { return e.code + ': ' + e.message } })()", "ERR_INVALID_ARG_TYPE: The \"path\" argument must be of type string. Received type number (1)"},
	{"(() => { try { resolve('a', null) } catch (e) { return e.code + ': ' + e.message } })()", "ERR_INVALID_ARG_TYPE: The \"paths[1]\" argument must be of type string. Received null"},
	{"(() => { try { basename('a', 1) } catch (e) { return e.code + ': ' + e.message } })()", "ERR_INVALID_ARG_TYPE: The \"suffix\" argument must be of type string. Received type number (1)"},
	{"(() => { try { dirname({}) } catch (e) { return e.code + ': ' + e.message } })()", "ERR_INVALID_ARG_TYPE: The \"path\" argument must be of type string. Received an instance of Object"},
}

func TestMatchesNode(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rt := jstest.New(t, jstest.Global("path", path.Require))
	for _, c := range nodeCases {
		want := strings.ReplaceAll(c[1], "$CWD", wd)
		if got := jstest.Eval(t, rt, "with (path) { String("+c[0]+") }"); got != want {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, want)
		}
	}
}

func TestRequireIsPerRuntimeSingleton(t *testing.T) {
	rt := jstest.New(t)
	jstest.Do(t, rt, func(*goja.Runtime) error {
		a, _ := path.Require(rt)
		b, _ := path.Require(rt)
		if !a.SameAs(b) {
			t.Error("Require returned different objects")
		}
		return nil
	})
}
