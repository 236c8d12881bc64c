package express

import (
	"errors"
	"io/fs"
	"math"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// sendJob is one send 0.19 stream piping a file into the response: res.sendFile, with Express's
// callback rule (the callback gets every outcome; without one, errors go to next(err), a directory to
// next()), or express.static, which sets onDone and onHeaders.
type sendJob struct {
	res      *response
	opts     *sendOptions
	next     goja.Value
	callback goja.Callable
	done     bool
	// onDone, when set, receives the outcome instead of Express's callback rule.
	onDone func(err goja.Value)
	// onHeaders, when set, is send's 'headers' event for the file found; it returns what it threw.
	onHeaders func(path string) goja.Value
}

// sendFile is res.sendFile(path, [options], [callback]). Argument errors are thrown; the file is
// looked up and opened off the loop.
func (res *response) sendFile(pathV, options, callback goja.Value) {
	a := res.a
	vm := a.vm
	if !pathV.ToBoolean() {
		panic(vm.NewTypeError("path argument is required to res.sendFile"))
	}
	if !isStringValue(pathV) {
		panic(vm.NewTypeError("path must be a string to res.sendFile"))
	}
	if _, ok := goja.AssertFunction(options); ok {
		callback, options = options, goja.Undefined()
	}
	optsObj, _ := options.(*goja.Object)
	if !options.ToBoolean() {
		optsObj = nil
	}
	p := pathV.String()
	root := goja.Value(goja.Undefined())
	if optsObj != nil {
		if r := optsObj.Get("root"); r != nil {
			root = r
		}
	}
	if !root.ToBoolean() && !strings.HasPrefix(p, "/") {
		panic(vm.NewTypeError("path must be absolute or specify root to res.sendFile"))
	}
	// Express passes encodeURI(path) and send decodes it again; only the URIError of a lone
	// surrogate survives that round trip.
	if enc, ok := goja.AssertFunction(vm.Get("encodeURI")); ok {
		if _, err := enc(goja.Undefined(), pathV); err != nil {
			panic(a.rt.ErrorValue(err))
		}
	}
	job := &sendJob{res: res, opts: a.parseSendOptions(optsObj), next: res.req.obj.Get("next")}
	job.callback, _ = goja.AssertFunction(callback)
	sp := resolveSendPath(p, job.opts)
	if sp.status != 0 {
		job.fail(sp.status, nil)
		return
	}
	rt := a.rt
	exts, index := job.opts.extensions, job.opts.index
	if !sp.index {
		index = nil
	}
	gate := policy.For(rt)
	go func() {
		found := lookupFile(gate, sp.file, exts, index)
		if !rt.RunOnLoop(func(*goja.Runtime) { job.serve(found) }) && found.file != nil {
			found.file.Close()
		}
	}()
}

// foundFile is the outcome of send's file lookup.
type foundFile struct {
	path    string
	info    fs.FileInfo
	file    *os.File // opened for reading; nil with openErr set when that failed
	openErr error
	status  int   // 404 or 500 when nothing could be served
	err     error // the file system error behind status, if any
	dir     bool  // the path is a directory (send's 'directory' event)
}

// lookupFile is send's stat sequence, run off the loop: the path itself (then path.ext for each
// extension when a path without extension is missing), or the index files of a directory path. Each
// path is checked against the plugin's policy first; a refusal is a stat error (500).
func lookupFile(gate *policy.Gate, p string, exts, index []string) foundFile {
	stat := func(p string) (fs.FileInfo, error) {
		if err := gate.CheckFile("stat", policy.Read(p)); err != nil {
			return nil, err
		}
		return os.Stat(p)
	}
	if index != nil {
		var lastErr error
		for _, name := range index {
			f := nodeJoin(p, name)
			info, err := stat(f)
			switch {
			case err != nil:
				lastErr = err
			case info.IsDir():
				lastErr = nil
			default:
				return openFound(f, info)
			}
		}
		return statFailure(lastErr, p)
	}
	info, err := stat(p)
	if err == nil {
		if info.IsDir() {
			return foundFile{dir: true}
		}
		return openFound(p, info)
	}
	if !errors.Is(err, fs.ErrNotExist) || extname(p) != "" || strings.HasSuffix(p, "/") {
		return statFailure(err, p)
	}
	for _, ext := range exts {
		f := p + "." + ext
		info, e := stat(f)
		switch {
		case e != nil:
			err = e
		case info.IsDir():
			err = nil
		default:
			return openFound(f, info)
		}
	}
	return statFailure(err, p)
}

func openFound(p string, info fs.FileInfo) foundFile {
	f, err := os.Open(p)
	return foundFile{path: p, info: info, file: f, openErr: err}
}

// statFailure is send's onStatError: missing paths are 404, other errors 500, no error at all (only
// directories were found) a plain 404.
func statFailure(err error, p string) foundFile {
	if err == nil {
		return foundFile{status: 404}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && (errno == syscall.ENOENT || errno == syscall.ENOTDIR || errno == syscall.ENAMETOOLONG) {
		return foundFile{status: 404, err: err}
	}
	return foundFile{status: 500, err: err}
}

// serve continues on the loop with the lookup's outcome: send's headers, conditional GET, ranges and
// then the body, streamed by the HTTP goroutine.
func (j *sendJob) serve(found foundFile) {
	res := j.res
	a := res.a
	vm := a.vm
	r := res.req.r
	closeFile := func() {
		if found.file != nil {
			found.file.Close()
		}
	}
	switch {
	case found.dir:
		err := a.newError("EISDIR, read")
		_ = err.Set("code", "EISDIR")
		j.finish(err)
		return
	case found.status != 0:
		j.fail(found.status, found.err)
		return
	case res.headersSent:
		closeFile()
		j.fail(500, errors.New("Can't set headers after they are sent."))
		return
	}
	if j.onHeaders != nil {
		if thrown := j.onHeaders(found.path); thrown != nil {
			closeFile()
			j.finish(thrown)
			return
		}
	}
	o := j.opts
	if o.headers != nil {
		for _, k := range o.headers.Keys() {
			res.setHeader(k, o.headers.Get(k))
		}
	}
	info := found.info
	if o.acceptRanges && !res.getHeader("Accept-Ranges").ToBoolean() {
		res.setHeader("Accept-Ranges", vm.ToValue("bytes"))
	}
	if o.cacheControl && !res.getHeader("Cache-Control").ToBoolean() {
		cc := "public, max-age=" + strconv.FormatInt(int64(o.maxAge/1000), 10)
		if o.immutable {
			cc += ", immutable"
		}
		res.setHeader("Cache-Control", vm.ToValue(cc))
	}
	if o.lastModified && !res.getHeader("Last-Modified").ToBoolean() {
		res.setHeader("Last-Modified", vm.ToValue(time.UnixMilli(mtimeMillis(info)).UTC().Format(http.TimeFormat)))
	}
	if o.etag && !res.getHeader("ETag").ToBoolean() {
		res.setHeader("ETag", vm.ToValue(statETag(info)))
	}
	if !res.getHeader("Content-Type").ToBoolean() {
		typ := mimeLookup(found.path)
		if cs := mimeCharset(typ); cs != "" {
			typ += "; charset=" + cs
		}
		res.setHeader("Content-Type", vm.ToValue(typ))
	}
	if r.Header.Get("If-Match") != "" || r.Header.Get("If-Unmodified-Since") != "" ||
		r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		if j.preconditionFailed() {
			closeFile()
			j.fail(412, nil)
			return
		}
		if status := res.statusCode(); (status >= 200 && status < 300 || status == 304) && isFresh(
			r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.Header.Get("Cache-Control"),
			res.headerString("etag"), res.headerString("last-modified")) {
			closeFile()
			for _, h := range []string{"Content-Encoding", "Content-Language", "Content-Length", "Content-Range", "Content-Type"} {
				res.removeHeader(h)
			}
			_ = res.obj.Set("statusCode", 304)
			j.endWithoutBody()
			return
		}
	}
	offset := o.start
	length := max(0, info.Size()-offset)
	if o.end >= 0 {
		length = min(length, o.end-offset+1)
	}
	if rng := r.Header.Get("Range"); o.acceptRanges && bytesRangeRE.MatchString(rng) {
		_, ranges, code := parseRange(float64(length), rng, true)
		if !j.rangeFresh() {
			code = -2
		}
		if code == -1 {
			cr := "bytes */" + strconv.FormatInt(length, 10)
			res.setHeader("Content-Range", vm.ToValue(cr))
			closeFile()
			headers := vm.NewObject()
			_ = headers.Set("Content-Range", cr)
			j.fail(416, nil, "headers", headers)
			return
		}
		if code == 0 && len(ranges) == 1 {
			start, end := int64(ranges[0].start), int64(ranges[0].end)
			_ = res.obj.Set("statusCode", 206)
			res.setHeader("Content-Range", vm.ToValue("bytes "+strconv.FormatInt(start, 10)+"-"+
				strconv.FormatInt(end, 10)+"/"+strconv.FormatInt(length, 10)))
			offset += start
			length = end - start + 1
		}
	}
	res.setHeader("Content-Length", vm.ToValue(length))
	if res.req.obj.Get("method").String() == "HEAD" {
		closeFile()
		j.endWithoutBody()
		return
	}
	if found.openErr != nil {
		j.fail(500, found.openErr)
		return
	}
	j.stream(found.file, offset, length)
}

var bytesRangeRE = regexp.MustCompile(`^ *bytes=`)

// statETag is the etag package's weak tag for file stats: W/"<size hex>-<mtime ms hex>".
func statETag(info fs.FileInfo) string {
	return `W/"` + strconv.FormatInt(info.Size(), 16) + "-" + strconv.FormatInt(mtimeMillis(info), 16) + `"`
}

// mtimeMillis is stats.mtime.getTime(): Node rounds the nanosecond mtime to the nearest millisecond.
func mtimeMillis(info fs.FileInfo) int64 {
	t := info.ModTime()
	return int64(math.Round(float64(t.Unix())*1e3 + float64(t.Nanosecond())/1e6))
}

// preconditionFailed is send's If-Match / If-Unmodified-Since check against the response headers.
func (j *sendJob) preconditionFailed() bool {
	res := j.res
	r := res.req.r
	if match := r.Header.Get("If-Match"); match != "" {
		etag := res.headerString("etag")
		if etag == "" || match == "*" {
			return etag == ""
		}
		for _, m := range parseTokenList(match) {
			if m == etag || m == "W/"+etag || "W/"+m == etag {
				return false
			}
		}
		return true
	}
	since, err := parseHTTPDate(r.Header.Get("If-Unmodified-Since"))
	if err != nil {
		return false
	}
	lm, err := parseHTTPDate(res.headerString("last-modified"))
	return err != nil || lm.After(since)
}

// rangeFresh is send's If-Range check: an ETag must appear in it, a date must not be older than
// Last-Modified.
func (j *sendJob) rangeFresh() bool {
	res := j.res
	ifRange := res.req.r.Header.Get("If-Range")
	if ifRange == "" {
		return true
	}
	if strings.Contains(ifRange, `"`) {
		etag := res.headerString("etag")
		return etag != "" && strings.Contains(ifRange, etag)
	}
	lm, err1 := parseHTTPDate(res.headerString("last-modified"))
	ir, err2 := parseHTTPDate(ifRange)
	return err1 == nil && err2 == nil && !lm.After(ir)
}

// parseTokenList splits a comma-separated header list, trimming spaces (send's parseTokenList).
func parseTokenList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.Trim(part, " "); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// endWithoutBody ends a response send answers without streaming (304, HEAD); Express calls the
// callback once the response has finished.
func (j *sendJob) endWithoutBody() {
	j.res.onFinish(func() { j.finish(nil) })
	j.res.end(nil)
}

// stream sends the head now and hands the file to the HTTP goroutine; the callback runs when the
// file has been copied (send's 'end'), or with the error that stopped it.
func (j *sendJob) stream(f *os.File, offset, length int64) {
	res := j.res
	rt := res.a.rt
	res.writeHead(nil, 0)
	body := &fileBody{f: f, off: offset, n: length, done: func(readErr, writeErr error) {
		rt.RunOnLoop(func(*goja.Runtime) {
			switch {
			case writeErr != nil:
				err := res.a.newError("Request aborted")
				_ = err.Set("code", "ECONNABORTED")
				j.finish(err)
			case readErr != nil:
				j.fail(500, readErr)
			default:
				j.finish(nil)
			}
		})
	}}
	if res.x.push(op{kind: opStream, src: body}) {
		res.end(nil)
	}
}

// fail is send's error(status, err) as Express sees it: an http-errors error (the file system error
// itself, given the status and expose: false, when there is one) passed to finish. extra holds
// property name/value pairs for the error.
func (j *sendJob) fail(status int, cause error, extra ...any) {
	a := j.res.a
	var errObj *goja.Object
	if cause != nil {
		var errno syscall.Errno
		var pathErr *fs.PathError
		var denied *policy.Denied
		switch {
		case errors.As(cause, &denied):
			errObj = denied.JSValue(a.vm).ToObject(a.vm)
		case errors.As(cause, &pathErr) && errors.As(cause, &errno):
			errObj = nodeerr.FileError(errno, pathErr.Op, pathErr.Path, "").JSValue(a.vm).ToObject(a.vm)
		default:
			errObj = a.newError(cause.Error())
		}
		_ = errObj.Set("status", status)
		_ = errObj.Set("statusCode", status)
		_ = errObj.Set("expose", false)
	} else {
		pe := newHTTPError(status)
		for i := 0; i+1 < len(extra); i += 2 {
			pe.props[extra[i].(string)] = extra[i+1]
		}
		errObj = a.parseErrorValue(pe).ToObject(a.vm)
	}
	j.finish(errObj)
}

// newHTTPError is createError(status) for the statuses send produces.
func newHTTPError(status int) *parseError {
	name := map[int]string{400: "BadRequestError", 403: "ForbiddenError", 404: "NotFoundError",
		412: "PreconditionFailedError", 416: "RangeNotSatisfiableError", 500: "InternalServerError"}[status]
	return &parseError{status: status, name: name, msg: statusMessage(status), props: map[string]any{}}
}

// finish is Express's sendfile callback, called once: the user callback gets the outcome; without
// one, a directory continues with next(), and errors other than an aborted client go to next(err).
func (j *sendJob) finish(err goja.Value) {
	if j.done {
		return
	}
	j.done = true
	if j.onDone != nil {
		j.onDone(err)
		return
	}
	a := j.res.a
	call := func(fn goja.Callable, args ...goja.Value) {
		if _, e := fn(goja.Undefined(), args...); e != nil {
			// Node would report an exception from this asynchronous callback as uncaught.
			a.rt.Logger().Error("exception in res.sendFile callback", "error", a.rt.Describe(e))
		}
	}
	if j.callback != nil {
		if err == nil {
			call(j.callback)
		} else {
			call(j.callback, err)
		}
		return
	}
	if err == nil {
		return
	}
	next, ok := goja.AssertFunction(j.next)
	if !ok {
		return
	}
	obj := err.ToObject(a.vm)
	code, syscallName := obj.Get("code"), obj.Get("syscall")
	switch {
	case code != nil && code.String() == "EISDIR":
		call(next)
	case code != nil && code.String() == "ECONNABORTED", syscallName != nil && syscallName.String() == "write":
	default:
		call(next, err)
	}
}

// download is res.download(path, [filename], [options], [callback]): sendFile with
// Content-Disposition: attachment (named after filename or path), the caller's other headers, and a
// relative path resolved against the working directory unless options.root is given.
func (res *response) download(args []goja.Value) {
	a := res.a
	vm := a.vm
	arg := func(i int) goja.Value {
		if i < len(args) {
			return args[i]
		}
		return goja.Undefined()
	}
	pathV, name, options, callback := arg(0), arg(1), arg(2), arg(3)
	if _, ok := goja.AssertFunction(name); ok {
		callback, name, options = name, goja.Null(), goja.Null()
	} else if _, ok := goja.AssertFunction(options); ok {
		callback, options = options, goja.Null()
	}
	if _, isFn := goja.AssertFunction(name); !isFn && jsTypeof(name) == "object" {
		if _, ok := goja.AssertFunction(options); ok || goja.IsUndefined(options) {
			name, options = goja.Null(), name
		}
	}
	dispName := name
	if !name.ToBoolean() {
		dispName = pathV
	}
	var disposition string
	switch {
	case goja.IsUndefined(dispName):
		disposition = contentDisposition("", false)
	case !isStringValue(dispName):
		panic(vm.NewTypeError("filename must be a string"))
	default:
		disposition = contentDisposition(dispName.String(), true)
	}
	headers := vm.NewObject()
	_ = headers.Set("Content-Disposition", disposition)
	userOpts, _ := options.(*goja.Object)
	if userOpts != nil {
		if h, ok := userOpts.Get("headers").(*goja.Object); ok && h != nil {
			for _, k := range h.Keys() {
				if strings.ToLower(k) != "content-disposition" {
					_ = headers.Set(k, h.Get(k))
				}
			}
		}
	}
	// Object.create(options): the caller's options stay visible through the prototype.
	opts := vm.CreateObject(userOpts)
	_ = opts.Set("headers", headers)
	fullPath := pathV
	if root := opts.Get("root"); root == nil || !root.ToBoolean() {
		if !isStringValue(pathV) {
			panic(nodeerr.InvalidArgType(vm, "paths[0]", "of type string", pathV))
		}
		fullPath = vm.ToValue(nodeResolve(pathV.String()))
	}
	res.sendFile(fullPath, opts, callback)
}
