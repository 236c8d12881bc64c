package gitrepo

import (
	"strings"
	"testing"
)

func TestFolderName(t *testing.T) {
	long := strings.Repeat("a", 120)
	tests := []struct{ url, want string }{
		{"https://github.com/owner/my-plugin.git", "my-plugin"},
		{"https://github.com/owner/my-plugin", "my-plugin"},
		{"https://github.com/owner/my-plugin/", "my-plugin"},
		{"https://github.com/owner/my-plugin.git/", "my-plugin"},
		{"https://token@github.com/owner/Repo_v2.0.git?ref=x#frag", "Repo_v2.0"},
		{"https://gitlab.com/group/sub/My%20Plugin%21.git", "My-Plugin-"},
		{"git@github.com:owner/repo.git", "repo"},
		{"example.com:repo.git", "repo"},
		{`C:\Users\me\plugins\repo.git`, "repo"},
		{"ssh://git@example.com:2222/owner/repo.git", "repo"},
		{"file:///srv/git/plugin.git", "plugin"},
		{"/srv/git/plugin", "plugin"},
		{"../plugins/über plugin", "-ber-plugin"},
		{"https://example.com/o/" + long + ".git", long[:96]},
		{"https://example.com/o/...", "..."},
	}
	for _, tt := range tests {
		got, err := FolderName(tt.url)
		if err != nil || got != tt.want {
			t.Errorf("FolderName(%q) = %q, %v; want %q", tt.url, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "https://github.com", "https://github.com/", "git@host:", "/", ".", "..", "https://example.com/o/..", "https://example.com/o/.git", "file:///"} {
		if got, err := FolderName(bad); err == nil {
			t.Errorf("FolderName(%q) = %q, want an error", bad, got)
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://github.com/o/r.git", "https://github.com/o/r.git"},
		{"https://x-access-token:ghp_secret@github.com/o/r.git", "https://x-access-token:***@github.com/o/r.git"},
		{"https://ghp_secret@github.com/o/r.git", "https://***@github.com/o/r.git"},
		{"HTTP://user:pw@host/path@x", "HTTP://user:***@host/path@x"},
		{"ssh://git@github.com/o/r.git", "ssh://git@github.com/o/r.git"},
		{"ssh://git:pw@github.com/o/r.git", "ssh://git:***@github.com/o/r.git"},
		{"git@github.com:o/r.git", "git@github.com:o/r.git"},
		{"/srv/git/r", "/srv/git/r"},
		{"https://us%40er:p%3Aw@host/r", "https://us%40er:***@host/r"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.url); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
