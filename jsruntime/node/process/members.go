package process

import (
	_ "embed"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

//go:embed members.js
var membersSource string

// membersScript is members.js, the JS half of the members bundles probe (see defineMembers).
var membersScript = jsruntime.NewScript("node:process/members", membersSource)

// defineMembers adds the rest of Node 20's process members (members.js) over the natives here. It
// runs after nextTick and emitWarning exist, which they use.
func defineMembers(rt *jsruntime.Runtime, p *goja.Object, cfg Config, u *uncaught, runNextTicks goja.Value) error {
	vm := rt.VM()
	natives := nodeerr.Natives(vm)
	fns := map[string]any{
		"cpuUsage": func() goja.Value {
			user, system := cpuTimes()
			return vm.NewArray(user, system)
		},
		"resourceUsage":     func() goja.Value { return resourceUsage(vm) },
		"availableMemory":   availableMemory,
		"constrainedMemory": constrainedMemory,
		"ids":               func(name string) goja.Value { return ids(vm, name) },
		"builtin":           func(id string) goja.Value { return builtin(rt, id) },
		"mainModule": func() goja.Value {
			if sys := modules.Of(rt); sys != nil {
				return sys.Main()
			}
			return goja.Undefined()
		},
		"loadEnvFile": func(call goja.FunctionCall) goja.Value {
			loadEnvFile(rt, p, cwdOf(cfg), call.Argument(0))
			return goja.Undefined()
		},
		"captureCallback":    func() goja.Value { return u.callback },
		"setCaptureCallback": func(fn goja.Value) { u.callback = fn },
		"stream": func() goja.Value {
			v, err := stream.Require(rt)
			if err != nil {
				rt.Throw(err)
			}
			return v
		},
		"rawDebug": func(call goja.FunctionCall) goja.Value {
			rt.Logger().Error(util.Format(rt, call.Arguments))
			return goja.Undefined()
		},
		"inspect":      func(v goja.Value) string { return inspect.Value(vm, v, inspect.Defaults) },
		"runNextTicks": runNextTicks,
	}
	for name, fn := range fns {
		if err := natives.Set(name, fn); err != nil {
			return err
		}
	}
	if _, err := membersScript.Call(rt, natives, p); err != nil {
		return err
	}
	return nil
}

// ids is getuid, geteuid, getgid, getegid or getgroups: the host process's, which the plugins share.
// getgroups includes the effective group, as Node's does.
func ids(vm *goja.Runtime, name string) goja.Value {
	switch name {
	case "getuid":
		return vm.ToValue(os.Getuid())
	case "geteuid":
		return vm.ToValue(os.Geteuid())
	case "getgid":
		return vm.ToValue(os.Getgid())
	case "getegid":
		return vm.ToValue(os.Getegid())
	}
	groups, _ := os.Getgroups()
	egid := os.Getegid()
	found := false
	out := make([]any, 0, len(groups)+1)
	for _, g := range groups {
		found = found || g == egid
		out = append(out, g)
	}
	if !found {
		out = append(out, egid)
	}
	return vm.NewArray(out...)
}

// builtin is getBuiltinModule: Node's built-in module id names, with or without "node:", or
// undefined. The host's own built-ins (express) are not Node's, so they are not given.
func builtin(rt *jsruntime.Runtime, id string) goja.Value {
	sys := modules.Of(rt)
	if sys == nil {
		return goja.Undefined()
	}
	v, ok, err := sys.NodeBuiltin(id)
	if err != nil {
		rt.Throw(err)
	}
	if !ok {
		return goja.Undefined()
	}
	return v
}

// cwdOf is what process.cwd() reports.
func cwdOf(cfg Config) string {
	if cfg.Cwd != "" {
		return cfg.Cwd
	}
	cwd, _ := os.Getwd()
	return cwd
}

// loadEnvFile reads a .env file (a path string, Buffer or file: URL, relative to cwd) into the
// plugin's process.env, keeping variables already set, as Node does. The file is small and the call
// synchronous, so it is read on the loop, as fs's Sync calls are.
func loadEnvFile(rt *jsruntime.Runtime, p *goja.Object, cwd string, arg goja.Value) {
	vm := rt.VM()
	path := arg.String()
	if obj, ok := arg.(*goja.Object); ok {
		if b, ok := buffer.Bytes(rt, obj); ok {
			path = string(b)
		} else if u, err := nodeurl.FilePath(obj.Get("href").String()); err == nil {
			path = u
		} else {
			rt.Throw(err)
		}
	}
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(cwd, full)
	}
	if err := policy.For(rt).CheckFile("open", policy.Read(full)); err != nil {
		rt.Throw(err)
	}
	src, err := os.ReadFile(full)
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) && errno == syscall.EISDIR {
			panic(nodeerr.New(vm, "TypeError", "ERR_INVALID_ARG_TYPE", "Contents of '"+path+"' should be a valid string."))
		}
		errno, _ = nodeerr.ErrnoOf(err)
		rt.Throw(nodeerr.FileError(errno, "open", path, ""))
	}
	env, ok := p.Get("env").(*goja.Object)
	if !ok {
		return
	}
	for k, v := range util.ParseEnv(strings.ToValidUTF8(string(src), "\uFFFD")) {
		if env.Get(k) == nil {
			_ = env.Set(k, v)
		}
	}
}
