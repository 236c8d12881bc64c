package pluginhost

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config mirrors a Luker-style config.yaml. The two Luker keys keep their names; everything specific to
// this host lives under pluginHost. Unknown keys are ignored, so a host can keep one config file.
type Config struct {
	// EnableServerPlugins turns plugin loading on. Default false, as in Luker.
	EnableServerPlugins bool `yaml:"enableServerPlugins"`
	// EnableServerPluginsAutoUpdate lets the host fast-forward git-cloned plugins before loading them.
	// Default true, as in Luker.
	EnableServerPluginsAutoUpdate bool `yaml:"enableServerPluginsAutoUpdate"`
	// PluginHost holds the host-specific settings.
	PluginHost HostConfig `yaml:"pluginHost"`
}

// HostConfig is the pluginHost section of config.yaml.
type HostConfig struct {
	// PluginsDir is the plugins directory; a relative path is taken from the config file's folder.
	// Default "plugins".
	PluginsDir string `yaml:"pluginsDir"`
	// Watch reloads plugins when their source files change, and loads or unloads plugins added to or
	// removed from the plugins directory. Default false.
	Watch bool `yaml:"watch"`
	// BodyLimit caps request bodies read by the global JSON and urlencoded parsers: a byte count or a
	// size such as "500mb". Default 500mb, as in Luker.
	BodyLimit ByteSize `yaml:"bodyLimit"`
	// InitTimeout bounds how long a plugin's init may take to settle, e.g. "30s".
	InitTimeout Duration `yaml:"initTimeout"`
	// ResponseTimeout bounds how long a plugin may take to answer a request, e.g. "120s".
	ResponseTimeout Duration `yaml:"responseTimeout"`
	// RequestTimeout bounds how long receiving a request body may take, e.g. "300s".
	RequestTimeout Duration `yaml:"requestTimeout"`
	// BusyLimit bounds how long a plugin's JavaScript may run without yielding before the watchdog
	// stops and rebuilds it, e.g. "10s"; "off" turns the watchdog off.
	BusyLimit Limit `yaml:"busyLimit"`
	// MemoryLimit is the host's live heap above which plugins running JavaScript are stopped and
	// rebuilt, e.g. "2gb". Default: 90% of GOMEMLIMIT when set, else none.
	MemoryLimit ByteSize `yaml:"memoryLimit"`
	// MaxBufferSize is the largest Buffer a plugin may allocate in one call, e.g. "256mb". Default
	// Node's 4 GiB.
	MaxBufferSize ByteSize `yaml:"maxBufferSize"`
	// Env is "production" (default) or "development"; development shows stack traces in error pages.
	Env string `yaml:"env"`
	// PluginEnv is the environment plugins see as process.env (besides NODE_ENV); nothing of the
	// host's own environment is passed on.
	PluginEnv map[string]string `yaml:"pluginEnv"`
	// SharedModules are node_modules folders plugins may require packages from after their own
	// (Luker's root node_modules); relative paths are taken from the config file's folder.
	SharedModules []string `yaml:"sharedModules"`
	// TransformCacheDir keeps esbuild's output across restarts (Options.TransformCacheDir); a
	// relative path is taken from the config file's folder.
	TransformCacheDir string `yaml:"transformCacheDir"`
	// Git configures the git auto-update: its time limit per plugin and the credentials for private
	// remotes.
	Git GitConfig `yaml:"git"`
	// Plugins are the plugins' policies, by plugin id ("*" for every plugin without its own entry);
	// relative fs paths are taken from the config file's folder. A plugin without a policy is
	// unrestricted, as in Luker. An entry allows only what it lists: "my-plugin: {}" lets the plugin
	// read its own folder and nothing else.
	Plugins map[string]Policy `yaml:"plugins"`
}

// GitConfig is the pluginHost.git section of config.yaml (see GitAuth for which remotes each
// credential goes to).
type GitConfig struct {
	// Timeout bounds each plugin repository's update at start-up, e.g. "30s".
	Timeout Duration `yaml:"timeout"`
	// Username goes with Token; default "x-access-token".
	Username string `yaml:"username"`
	// Token is an access token for https remotes.
	Token string `yaml:"token"`
	// SSHKey is a private key file for ssh remotes; a relative path is taken from the config file's
	// folder.
	SSHKey string `yaml:"sshKey"`
	// SSHKeyPassphrase decrypts SSHKey.
	SSHKeyPassphrase string `yaml:"sshKeyPassphrase"`
	// KnownHosts is the ssh known_hosts file; a relative path is taken from the config file's
	// folder. Default ~/.ssh/known_hosts.
	KnownHosts string `yaml:"knownHosts"`
}

func (g GitConfig) auth() GitAuth {
	return GitAuth{
		Username:         g.Username,
		Token:            g.Token,
		SSHKeyFile:       g.SSHKey,
		SSHKeyPassphrase: g.SSHKeyPassphrase,
		KnownHostsFile:   g.KnownHosts,
	}
}

// LoadConfig reads a config.yaml. A missing or malformed file is an error naming the file (and, for a
// malformed one, the line).
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("pluginhost: read config: %w", err)
	}
	cfg, err := ParseConfig(data)
	if err != nil {
		return Config{}, fmt.Errorf("pluginhost: config %s: %w", path, err)
	}
	if cfg.PluginHost.PluginsDir != "" && !filepath.IsAbs(cfg.PluginHost.PluginsDir) {
		cfg.PluginHost.PluginsDir = filepath.Join(filepath.Dir(path), cfg.PluginHost.PluginsDir)
	}
	if d := cfg.PluginHost.TransformCacheDir; d != "" && !filepath.IsAbs(d) {
		cfg.PluginHost.TransformCacheDir = filepath.Join(filepath.Dir(path), d)
	}
	for i, dir := range cfg.PluginHost.SharedModules {
		if !filepath.IsAbs(dir) {
			cfg.PluginHost.SharedModules[i] = filepath.Join(filepath.Dir(path), dir)
		}
	}
	for _, file := range []*string{&cfg.PluginHost.Git.SSHKey, &cfg.PluginHost.Git.KnownHosts} {
		if *file != "" && !filepath.IsAbs(*file) {
			*file = filepath.Join(filepath.Dir(path), *file)
		}
	}
	for _, p := range cfg.PluginHost.Plugins {
		for i, root := range p.FS {
			if root != "" && !filepath.IsAbs(root) {
				p.FS[i] = filepath.Join(filepath.Dir(path), root)
			}
		}
	}
	return cfg, nil
}

// ParseConfig parses config.yaml content, applying Luker's defaults for keys that are absent.
// Relative paths are left as they are.
func ParseConfig(data []byte) (Config, error) {
	cfg := Config{EnableServerPluginsAutoUpdate: true}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// Options converts the file's settings into host Options.
func (c Config) Options() Options {
	return Options{
		PluginsDir:          c.PluginHost.PluginsDir,
		EnableServerPlugins: c.EnableServerPlugins,
		AutoUpdate:          c.EnableServerPluginsAutoUpdate,
		GitTimeout:          time.Duration(c.PluginHost.Git.Timeout),
		GitAuth:             c.PluginHost.Git.auth(),
		Watch:               c.PluginHost.Watch,
		BodyLimit:           int64(c.PluginHost.BodyLimit),
		InitTimeout:         time.Duration(c.PluginHost.InitTimeout),
		ResponseTimeout:     time.Duration(c.PluginHost.ResponseTimeout),
		RequestTimeout:      time.Duration(c.PluginHost.RequestTimeout),
		BusyLimit:           time.Duration(c.PluginHost.BusyLimit),
		MemoryLimit:         int64(c.PluginHost.MemoryLimit),
		MaxBufferSize:       int64(c.PluginHost.MaxBufferSize),
		Env:                 c.PluginHost.Env,
		PluginEnv:           c.PluginHost.PluginEnv,
		SharedModules:       c.PluginHost.SharedModules,
		TransformCacheDir:   c.PluginHost.TransformCacheDir,
		Policies:            c.PluginHost.Plugins,
	}
}

// Limit is a Duration that may also be "off" (stored as -1, which Options reads as "no limit").
type Limit time.Duration

// UnmarshalYAML accepts what Duration accepts, and "off".
func (l *Limit) UnmarshalYAML(n *yaml.Node) error {
	if n.Value == "off" {
		*l = -1
		return nil
	}
	var d Duration
	if err := d.UnmarshalYAML(n); err != nil {
		return err
	}
	*l = Limit(d)
	return nil
}

// ByteSize is a size in bytes that YAML may give as a number or as a string with a unit
// (b, kb, mb, gb; 1kb = 1024 bytes, as the bytes package Express uses).
type ByteSize int64

// UnmarshalYAML accepts 1048576, "1048576", "100kb", "1.5mb".
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseByteSize(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*b = ByteSize(v)
	return nil
}

// ParseByteSize parses a byte count or a size with a unit, as Express's `limit` option does.
func ParseByteSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	units := []struct {
		suffix string
		mult   float64
	}{{"tb", 1 << 40}, {"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10}, {"b", 1}}
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	return int64(f * mult), nil
}

// Duration is a time.Duration that YAML gives as a Go duration string ("30s", "2m") or a number of
// seconds.
type Duration time.Duration

// UnmarshalYAML accepts "30s" or 30.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if secs, err := strconv.ParseFloat(n.Value, 64); err == nil {
		*d = Duration(secs * float64(time.Second))
		return nil
	}
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: invalid duration %q", n.Line, n.Value)
	}
	if v < 0 {
		return fmt.Errorf("line %d: negative duration %q", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}
