// Package luker is pluginhost's Luker compatibility layer: the parts of Luker's server, besides
// Express, that public server plugins use, so that they run here unmodified. It is opt-in: set
// pluginhost.Options.Luker to a Context.
//
// With the layer on, every plugin gets:
//
//   - req.user = { profile, directories } on each request, for the user Context.User resolves:
//     profile is Luker's user object ({ handle, name, created, password: "", admin, enabled: true,
//     salt: "" }; pluginhost never sees password hashes), directories the absolute paths of the user's
//     data folders under DataRoot/<handle>, keyed and ordered as Luker's USER_DIRECTORY_TEMPLATE
//     (root, thumbnails, chats, worlds, characters, …) and created the first time they are handed
//     out;
//   - globalThis.DATA_ROOT, the absolute data root;
//   - process.serverEvents, an EventEmitter: pluginhost.Host.EmitServerEvent emits on it, as Luker
//     emits 'server-started' with { url } (a URL object) once it listens;
//   - stand-ins for the Luker modules plugins import by relative path, which lie outside the plugins
//     directory (plugins/<name>/index.js imports ../../src/util.js): src/express-common.js (jsonParser
//     and urlencodedParser, no-op middleware as in current Luker, whose global parsers run first),
//     src/util.js (delay, uuidv4, getConfigValue reading Config with Luker's SILLYTAVERN_* environment
//     overrides and type converters, keyToEnv, toBoolean, tryParse) and src/users.js
//     (getUserDirectories, getAllUserHandles, getUserDirectoriesList). Only the path Luker has,
//     src/<name>.js beside the plugins directory, is answered; other requests resolve as usual.
//
// Luker's root node_modules, which plugins also use without installing, is pluginhost's
// Options.SharedModules (config.yaml's pluginHost.sharedModules).
package luker

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultUser is the user Luker serves when user accounts are disabled (its DEFAULT_USER).
var DefaultUser = User{Handle: "default-user", Name: "User", Admin: true}

// User is a Luker account as plugins see it in req.user.profile.
type User struct {
	// Handle names the user's folder under the data root: one path element, not "." or "..".
	Handle string
	// Name is the display name.
	Name string
	// Admin is Luker's admin flag.
	Admin bool
	// Created is when the account was made; zero means when the Context first served the user (Luker's
	// default user is created at start-up).
	Created time.Time
}

// Context is Luker's host context for one pluginhost.Host. Set DataRoot at least; the other fields
// are optional. A Context must not be copied or changed after the host starts using it.
type Context struct {
	// DataRoot is Luker's data root (its dataRoot setting, "data" by default): each user's folders
	// are DataRoot/<handle>/…. A relative path is taken from the working directory.
	DataRoot string
	// User resolves the user a request belongs to, typically from the application's own
	// authentication; ok false leaves req.user unset, as Luker does for a request without a logged-in
	// user. Nil means every request is DefaultUser's, as in Luker with user accounts disabled. It runs
	// on the request's goroutine, before the plugin sees the request.
	User func(r *http.Request) (u User, ok bool)
	// Handles lists the users src/users.js's getAllUserHandles reports. Nil means DefaultUser alone.
	Handles func() []string
	// Config holds config.yaml's values, which src/util.js's getConfigValue reads (ReadConfig loads
	// them from the file). Nil means none: every key gets the plugin's default.
	Config map[string]any
	// Logger receives errors creating user folders and resolving users. Nil means slog.Default().
	Logger *slog.Logger

	users   sync.Map // handle → *userDirs
	created sync.Once
	started time.Time
}

// Root returns the absolute data root, globalThis.DATA_ROOT.
func (c *Context) Root() string {
	if abs, err := filepath.Abs(c.DataRoot); err == nil {
		return abs
	}
	return filepath.Clean(c.DataRoot)
}

// UserHandles is what src/users.js's getAllUserHandles reports: Handles, or DefaultUser's handle.
func (c *Context) UserHandles() []string {
	if c.Handles == nil {
		return []string{DefaultUser.Handle}
	}
	return c.Handles()
}

// RequestContext gives the properties the layer adds to a plugin request: user, for the user that
// User resolves (nil when there is none). pluginhost calls it for every request when Options.Luker is
// set, before Options.RequestContext, whose properties win.
func (c *Context) RequestContext(r *http.Request) map[string]any {
	u, ok := DefaultUser, true
	if c.User != nil {
		u, ok = c.User(r)
	}
	if !ok {
		return nil
	}
	user, err := c.requestUser(u)
	if err != nil {
		c.logger().Error("luker: req.user not set", "handle", u.Handle, "err", err)
		return nil
	}
	return map[string]any{"user": user}
}

// requestUser is req.user's JSON for u, keys in Luker's order.
func (c *Context) requestUser(u User) (json.RawMessage, error) {
	dirs, err := c.userDirs(u.Handle)
	if err != nil {
		return nil, err
	}
	created := u.Created
	if created.IsZero() {
		created = c.start()
	}
	profile, err := json.Marshal(struct {
		Handle   string `json:"handle"`
		Name     string `json:"name"`
		Created  int64  `json:"created"`
		Password string `json:"password"`
		Admin    bool   `json:"admin"`
		Enabled  bool   `json:"enabled"`
		Salt     string `json:"salt"`
	}{u.Handle, u.Name, created.UnixMilli(), "", u.Admin, true, ""})
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(profile)+len(dirs.json)+32)
	out = append(out, `{"profile":`...)
	out = append(out, profile...)
	out = append(out, `,"directories":`...)
	out = append(out, dirs.json...)
	return append(out, '}'), nil
}

func (c *Context) start() time.Time {
	c.created.Do(func() { c.started = time.Now() })
	return c.started
}

func (c *Context) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.Default()
}

// checkHandle refuses handles that are not a single folder name.
func checkHandle(handle string) error {
	if handle == "" || handle == "." || handle == ".." || strings.ContainsAny(handle, `/\`+"\x00") {
		return fmt.Errorf("luker: invalid user handle %q: it must name one folder", handle)
	}
	return nil
}

// ErrNoDataRoot is returned for user folders when the Context has no DataRoot.
var ErrNoDataRoot = errors.New("luker: Context.DataRoot is not set")
