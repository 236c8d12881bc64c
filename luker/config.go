package luker

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ReadConfig reads a Luker config.yaml for Context.Config.
func ReadConfig(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("luker: read config: %w", err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("luker: config %s: %w", path, err)
	}
	return cfg, nil
}

// ConfigValue looks key up in Config as Luker's getConfigValue does with lodash's _.get: a key present
// as written wins, else it is a path of names separated by dots, with [n] or ["name"] for indices
// ("backups.common.numberOfBackups", "sso.trustedProxies[0]"). ok is false when nothing is there; a
// key whose value is null is found.
func (c *Context) ConfigValue(key string) (v any, ok bool) {
	if c.Config == nil {
		return nil, false
	}
	if v, ok := c.Config[key]; ok {
		return v, true
	}
	var cur any = c.Config
	for _, name := range configPath(key) {
		switch node := cur.(type) {
		case map[string]any:
			if cur, ok = node[name]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(name)
			if err != nil || i < 0 || i >= len(node) {
				return nil, false
			}
			cur = node[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// configPath splits a lodash property path: "a.b[0][\"c.d\"]" is a, b, 0, c.d.
func configPath(key string) []string {
	var parts []string
	for len(key) > 0 {
		switch key[0] {
		case '.':
			key = key[1:]
		case '[':
			end := strings.IndexByte(key, ']')
			if end < 0 {
				return append(parts, key)
			}
			name := key[1:end]
			if len(name) >= 2 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
				name = name[1 : len(name)-1]
			}
			parts = append(parts, name)
			key = key[end+1:]
		default:
			end := strings.IndexAny(key, ".[")
			if end < 0 {
				end = len(key)
			}
			parts = append(parts, key[:end])
			key = key[end:]
		}
	}
	return parts
}
