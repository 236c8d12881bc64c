package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// parseMultipart is native.parseMultipart(bytes, contentType): the entries of a multipart/form-data
// body as [name, value] pairs, value being a string or {filename, type, bytes} for a file. Malformed
// bodies throw a TypeError, as Body.formData() rejects.
func parseMultipart(rt *jsruntime.Runtime, call goja.FunctionCall) goja.Value {
	vm := rt.VM()
	body, ok := buffer.Bytes(rt, call.Argument(0))
	if !ok {
		panic(rt.TypeError("The body must be a Uint8Array"))
	}
	_, params, err := mime.ParseMediaType(call.Argument(1).String())
	if err != nil || params["boundary"] == "" {
		panic(rt.TypeError("Failed to parse body as FormData."))
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var entries []any
	for {
		part, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			panic(rt.TypeError("Failed to parse body as FormData: %v", err))
		}
		data, err := io.ReadAll(part)
		if err != nil {
			panic(rt.TypeError("Failed to parse body as FormData: %v", err))
		}
		name := part.FormName()
		filename := part.FileName()
		if _, hasFilename := partParam(part, "filename"); !hasFilename {
			entries = append(entries, vm.NewArray(name, buffer.DecodeUTF8(data)))
			continue
		}
		file := vm.NewObject()
		_ = file.Set("filename", filename)
		ctype := part.Header.Get("Content-Type")
		if ctype == "" {
			ctype = "text/plain"
		}
		_ = file.Set("type", ctype)
		_ = file.Set("bytes", uint8Array(rt, data))
		entries = append(entries, vm.NewArray(name, file))
	}
	return vm.NewArray(entries...)
}

// partParam reads a parameter of the part's Content-Disposition header.
func partParam(part *multipart.Part, key string) (string, bool) {
	_, params, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
	if err != nil {
		return "", false
	}
	v, ok := params[key]
	return v, ok
}
