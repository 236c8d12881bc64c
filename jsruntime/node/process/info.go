package process

import (
	"maps"
	"os"
	"runtime"
	"slices"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// nodeVersion is the Node release the runtime claims to be, so packages' engine and feature checks
// take their Node 20 paths.
const nodeVersion = "20.20.2"

// platforms maps GOOS to process.platform where Node's name differs or is known; others pass through.
var platforms = map[string]string{"windows": "win32", "solaris": "sunos", "illumos": "sunos"}

// arches maps GOARCH to process.arch; unknown architectures pass through.
var arches = map[string]string{
	"amd64": "x64", "386": "ia32", "arm": "arm", "arm64": "arm64", "ppc64": "ppc64", "ppc64le": "ppc64",
	"s390x": "s390x", "riscv64": "riscv64", "loong64": "loong64", "mips": "mips", "mipsle": "mipsel",
	"mips64": "mips64", "mips64le": "mips64el",
}

// Platform is process.platform on this host: Node's name for the Go GOOS.
func Platform() string { return nodeName(platforms, runtime.GOOS) }

// Arch is process.arch on this host: Node's name for the Go GOARCH.
func Arch() string { return nodeName(arches, runtime.GOARCH) }

func nodeName(m map[string]string, goName string) string {
	if n, ok := m[goName]; ok {
		return n
	}
	return goName
}

// defineInfo sets the descriptive, read-mostly members: identity, version and configuration.
func defineInfo(rt *jsruntime.Runtime, p *goja.Object, cfg Config) error {
	vm := rt.VM()
	env := vm.NewObject()
	// Sorted, so that the order plugins see (Object.keys, JSON) does not change from run to run.
	for _, k := range slices.Sorted(maps.Keys(cfg.Env)) {
		if err := env.Set(k, cfg.Env[k]); err != nil {
			return err
		}
	}
	entry := cfg.Entry
	if entry == "" {
		entry = "pluginhost"
	}
	values := map[string]any{
		"env":      env,
		"argv":     vm.NewArray("node", entry),
		"argv0":    "node",
		"execPath": "node",
		"execArgv": vm.NewArray(),
		"platform": Platform(),
		"arch":     Arch(),
		"version":  "v" + nodeVersion,
		"versions": object(vm, map[string]any{
			"node": nodeVersion, "v8": "11.3.244.8-node.33", "uv": "1.46.0", "modules": "115",
			"napi": "9", "zlib": "1.3.0.1-motley", "openssl": "3.0.15+quic", "unicode": "15.1",
		}),
		"release": object(vm, map[string]any{"name": "node", "lts": "Iron"}),
		"pid":     hostPid,
		"ppid":    os.Getppid(),
		"title":   "node",
		"features": object(vm, map[string]any{
			"inspector": false, "debug": false, "uv": true, "ipv6": true, "tls_alpn": true,
			"tls_sni": true, "tls_ocsp": true, "tls": true, "cached_builtins": true,
		}),
		"config": vm.NewObject(),
	}
	for name, v := range values {
		if err := p.Set(name, v); err != nil {
			return err
		}
	}
	cwd := cfg.Cwd
	if cwd == "" {
		cwd, _ = os.Getwd()
	}
	return p.Set("cwd", func() string { return cwd })
}

// object builds a plain JS object, not a Go map wrapper, so plugins can freeze, spread or extend it.
func object(vm *goja.Runtime, props map[string]any) *goja.Object {
	o := vm.NewObject()
	for k, v := range props {
		_ = o.Set(k, v)
	}
	return o
}
