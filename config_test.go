package pluginhost

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseConfigDefaults(t *testing.T) {
	cfg, err := ParseConfig([]byte("someOtherKey: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.EnableServerPlugins || !cfg.EnableServerPluginsAutoUpdate {
		t.Errorf("defaults: %+v; want plugins off and auto-update on, as Luker", cfg)
	}
	opts := cfg.Options()
	if opts.EnableServerPlugins || !opts.AutoUpdate {
		t.Errorf("Options: %+v", opts)
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	content := `enableServerPlugins: true
enableServerPluginsAutoUpdate: false
listen: false
pluginHost:
  pluginsDir: my-plugins
  bodyLimit: 1.5mb
  initTimeout: 5s
  responseTimeout: 90
  busyLimit: off
  env: development
  pluginEnv:
    API_BASE: http://up
  sharedModules: [../node_modules, /opt/luker/node_modules]
  transformCacheDir: cache/transform
  unknownHostKey: ignored
`
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := cfg.Options()
	want := Options{
		PluginsDir:          filepath.Join(dir, "my-plugins"),
		EnableServerPlugins: true,
		BodyLimit:           1572864,
		InitTimeout:         5 * time.Second,
		ResponseTimeout:     90 * time.Second,
		Env:                 "development",
	}
	if opts.PluginsDir != want.PluginsDir || opts.EnableServerPlugins != want.EnableServerPlugins || opts.AutoUpdate ||
		opts.BodyLimit != want.BodyLimit || opts.InitTimeout != want.InitTimeout ||
		opts.ResponseTimeout != want.ResponseTimeout || opts.Env != want.Env || opts.PluginEnv["API_BASE"] != "http://up" {
		t.Errorf("Options = %+v\nwant      %+v", opts, want)
	}
	if opts.BusyLimit >= 0 {
		t.Errorf("busyLimit: off gave BusyLimit %v, want negative (no watchdog)", opts.BusyLimit)
	}
	if want := []string{filepath.Join(dir, "../node_modules"), "/opt/luker/node_modules"}; !slices.Equal(opts.SharedModules, want) {
		t.Errorf("SharedModules = %q, want %q", opts.SharedModules, want)
	}
	if want := filepath.Join(dir, "cache/transform"); opts.TransformCacheDir != want {
		t.Errorf("TransformCacheDir = %q, want %q", opts.TransformCacheDir, want)
	}
}

func TestMalformedConfigNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"syntax.yaml": "enableServerPlugins: true\npluginHost:\n  pluginsDir: [unclosed\n",
		"type.yaml":   "enableServerPlugins: true\npluginHost:\n  bodyLimit: lots\n",
		"bool.yaml":   "enableServerPlugins: maybe\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: error %v; want one naming the file and the line", name, err)
		}
	}
	if _, err := LoadConfig(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestParseByteSize(t *testing.T) {
	cases := map[string]int64{"100": 100, "100kb": 102400, "1mb": 1 << 20, "500MB": 500 << 20, "2gb": 2 << 30, "10b": 10}
	for in, want := range cases {
		got, err := ParseByteSize(in)
		if err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "lots", "-1", "mb"} {
		if _, err := ParseByteSize(bad); err == nil {
			t.Errorf("ParseByteSize(%q): no error", bad)
		}
	}
}

func TestLoadConfigGit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	content := `pluginHost:
  git:
    timeout: 45s
    username: oauth2
    token: glpat-secret
    sshKey: keys/id_ed25519
    sshKeyPassphrase: phrase
    knownHosts: /etc/ssh/ssh_known_hosts
`
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := cfg.Options()
	want := GitAuth{
		Username:         "oauth2",
		Token:            "glpat-secret",
		SSHKeyFile:       filepath.Join(dir, "keys/id_ed25519"),
		SSHKeyPassphrase: "phrase",
		KnownHostsFile:   "/etc/ssh/ssh_known_hosts",
	}
	if opts.GitTimeout != 45*time.Second || opts.GitAuth != want {
		t.Errorf("GitTimeout %v, GitAuth %#v; want 45s, %#v", opts.GitTimeout, opts.GitAuth, want)
	}
	rel, err := ParseConfig([]byte("pluginHost:\n  git:\n    knownHosts: ssh/known_hosts\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := rel.Options().GitAuth.KnownHostsFile; got != "ssh/known_hosts" {
		t.Errorf("ParseConfig changed a relative path: %q", got)
	}
}
