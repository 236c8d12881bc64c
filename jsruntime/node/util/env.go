package util

import "strings"

// ParseEnv parses the content of a .env file as Node 20's dotenv parser does (util.parseEnv,
// process.loadEnvFile, --env-file) and returns the variables; util.parseEnv's object lists them sorted
// by key, as Node's does. The rules, Node's:
//   - carriage returns are dropped everywhere;
//   - a line starting with '#' is a comment (except the last line, which Node reads as an
//     assignment like any other), an empty line is skipped;
//   - the key is what precedes the next '=', without surrounding spaces (newlines stay in it) and
//     without a leading "export "; an empty key ends the parsing;
//   - a value in double quotes, single quotes or backticks is what lies between the opening quote and
//     the next same quote, across lines; in double quotes, \n becomes a newline. The rest of the
//     closing quote's line is ignored, and nothing is read after a closing quote on the last line.
//     Without a closing quote the value is the rest of the line, the quote included, and on the last
//     line there is no value: the parsing goes on from the quote;
//   - an unquoted value ends at the line's end or at a '#', without surrounding spaces;
//   - a later assignment to a key replaces an earlier one.
//
// A key of spaces only becomes "\n": Node's trimming of it reads the byte before it, always the
// newline that ends the line before.
func ParseEnv(content string) map[string]string {
	vars := map[string]string{}
	text := trimSpaces(strings.ReplaceAll(content, "\r", ""))
	for text != "" {
		if text[0] == '\n' || text[0] == '#' {
			if nl := strings.IndexByte(text, '\n'); nl >= 0 {
				text = text[nl+1:]
				continue
			}
		}
		eq := strings.IndexByte(text, '=')
		if eq < 0 {
			break
		}
		key := trimSpaces(text[:eq])
		if key == "" && eq > 0 {
			key = "\n"
		}
		if key == "" {
			break
		}
		key = strings.TrimPrefix(key, "export ")
		text = trimSpaces(text[eq+1:])
		if text == "" {
			vars[key] = ""
			break
		}
		nl := strings.IndexByte(text, '\n')
		if q := text[0]; q == '"' || q == '\'' || q == '`' {
			end := strings.IndexByte(text[1:], q)
			switch {
			case end >= 0:
				value := text[1 : end+1]
				if q == '"' {
					value = strings.ReplaceAll(value, `\n`, "\n")
				}
				vars[key] = value
				after := strings.IndexByte(text[end+2:], '\n')
				if after < 0 {
					text = ""
				} else {
					text = text[end+2+after:]
				}
			case nl >= 0:
				vars[key] = text[:nl]
				text = text[nl:]
			}
			continue
		}
		line := text
		if nl >= 0 {
			line, text = text[:nl], text[nl:]
		} else {
			text = ""
		}
		if hash := strings.IndexByte(line, '#'); hash >= 0 {
			line = line[:hash]
		}
		vars[key] = trimSpaces(line)
	}
	return vars
}

func trimSpaces(s string) string { return strings.Trim(s, " ") }
