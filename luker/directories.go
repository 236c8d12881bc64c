package luker

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
)

// template is Luker's USER_DIRECTORY_TEMPLATE (src/constants.js), in its order: each key's folder,
// relative to the user's root.
var template = []struct{ key, rel string }{
	{"root", ""},
	{"thumbnails", "thumbnails"},
	{"thumbnailsBg", "thumbnails/bg"},
	{"thumbnailsAvatar", "thumbnails/avatar"},
	{"thumbnailsPersona", "thumbnails/persona"},
	{"worlds", "worlds"},
	{"user", "user"},
	{"avatars", "User Avatars"},
	{"userImages", "user/images"},
	{"groups", "groups"},
	{"groupChats", "group chats"},
	{"chats", "chats"},
	{"characters", "characters"},
	{"backgrounds", "backgrounds"},
	{"novelAI_Settings", "NovelAI Settings"},
	{"koboldAI_Settings", "KoboldAI Settings"},
	{"openAI_Settings", "OpenAI Settings"},
	{"textGen_Settings", "TextGen Settings"},
	{"themes", "themes"},
	{"movingUI", "movingUI"},
	{"extensions", "extensions"},
	{"instruct", "instruct"},
	{"context", "context"},
	{"quickreplies", "QuickReplies"},
	{"assets", "assets"},
	{"comfyWorkflows", "user/workflows"},
	{"files", "user/files"},
	{"vectors", "vectors"},
	{"backups", "backups"},
	{"sysprompt", "sysprompt"},
	{"reasoning", "reasoning"},
	{"cardApps", "card-apps"},
}

// Directory is one of a user's data folders.
type Directory struct {
	Key  string // USER_DIRECTORY_TEMPLATE's key: "chats", "worlds", …
	Path string // absolute
}

// Directories are a user's data folders in USER_DIRECTORY_TEMPLATE's order, what Luker's
// getUserDirectories returns.
type Directories []Directory

// Get returns the folder for key, "" when there is none.
func (d Directories) Get(key string) string {
	for _, e := range d {
		if e.Key == key {
			return e.Path
		}
	}
	return ""
}

// MarshalJSON is the object Luker's getUserDirectories returns, keys in the template's order.
func (d Directories) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range d {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.Key)
		p, err := json.Marshal(e.Path)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(p)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// userDirs is one user's folders, created once.
type userDirs struct {
	dirs    Directories
	json    json.RawMessage
	created sync.Once // every user of the entry waits for the folders to exist
}

// UserDirectories returns the data folders of the user handle under the data root, creating those
// that do not exist yet the first time they are asked for (as Luker creates every user's folders at
// start-up). A folder that cannot be created is logged, not returned as an error: the plugin meets the
// file system's error when it uses it. The error is for a handle that is not one folder name.
func (c *Context) UserDirectories(handle string) (Directories, error) {
	u, err := c.userDirs(handle)
	if err != nil {
		return nil, err
	}
	return u.dirs, nil
}

func (c *Context) userDirs(handle string) (*userDirs, error) {
	if v, ok := c.users.Load(handle); ok {
		u := v.(*userDirs)
		u.created.Do(func() { c.mkdirs(handle, u.dirs) })
		return u, nil
	}
	if c.DataRoot == "" {
		return nil, ErrNoDataRoot
	}
	if err := checkHandle(handle); err != nil {
		return nil, err
	}
	root := filepath.Join(c.Root(), handle)
	dirs := make(Directories, len(template))
	for i, t := range template {
		dirs[i] = Directory{Key: t.key, Path: filepath.Join(root, filepath.FromSlash(t.rel))}
	}
	data, err := dirs.MarshalJSON()
	if err != nil {
		return nil, err
	}
	v, _ := c.users.LoadOrStore(handle, &userDirs{dirs: dirs, json: data})
	u := v.(*userDirs)
	u.created.Do(func() { c.mkdirs(handle, u.dirs) })
	return u, nil
}

// mkdirs creates the folders, logging those it cannot.
func (c *Context) mkdirs(handle string, dirs Directories) {
	for _, d := range dirs {
		if err := os.MkdirAll(d.Path, 0o777); err != nil {
			c.logger().Error("luker: cannot create user folder", "handle", handle, "key", d.Key, "err", err)
		}
	}
}
