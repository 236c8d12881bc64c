package process

import "strings"

// ParseEnv parses the content of a .env file as Node 20's dotenv parser does (process.loadEnvFile,
// util.parseEnv), quirks included: lines are KEY=value with an optional "export " prefix; values may
// be quoted with ', " or ` (a quoted value may span lines; \n is expanded only inside double quotes);
// an unquoted value ends at '#'. Only spaces are trimmed, and a line without '=' is read as the start
// of the next key, as in Node. A later key replaces an earlier one.
func ParseEnv(src string) map[string]string {
	store := map[string]string{}
	content := trimSpaces(strings.ReplaceAll(src, "\r", ""))
	for content != "" {
		if content[0] == '\n' || content[0] == '#' {
			if nl := strings.IndexByte(content, '\n'); nl >= 0 {
				content = content[nl+1:]
				continue
			}
		}
		eq := strings.IndexByte(content, '=')
		if eq < 0 {
			break
		}
		key := trimSpaces(content[:eq])
		content = trimSpaces(content[eq+1:])
		if key == "" {
			break
		}
		key = strings.TrimPrefix(key, "export ")
		if content == "" {
			store[key] = ""
			break
		}
		var value string
		switch q := content[0]; q {
		case '"', '\'', '`':
			closing := strings.IndexByte(content[1:], q)
			if closing < 0 {
				// An unclosed quote: the rest of the line, quote included, is the value.
				nl := strings.IndexByte(content, '\n')
				if nl < 0 {
					return store
				}
				store[key] = content[:nl]
				content = content[nl:]
				continue
			}
			closing++
			value = content[1:closing]
			if q == '"' {
				value = strings.ReplaceAll(value, `\n`, "\n")
			}
			store[key] = value
			content = fromNewline(content, closing+1)
		default:
			line := content
			if nl := strings.IndexByte(content, '\n'); nl >= 0 {
				line = content[:nl]
			}
			content = content[len(line):]
			if hash := strings.IndexByte(line, '#'); hash >= 0 {
				line = line[:hash]
			}
			store[key] = trimSpaces(line)
		}
	}
	return store
}

// fromNewline is s from its first newline at or after from (kept, so the next round skips it), or
// empty.
func fromNewline(s string, from int) string {
	if nl := strings.IndexByte(s[from:], '\n'); nl >= 0 {
		return s[from+nl:]
	}
	return ""
}

// trimSpaces trims spaces, and only spaces, as Node's dotenv parser does.
func trimSpaces(s string) string { return strings.Trim(s, " ") }
