package express

import (
	"fmt"
	"slices"
	"testing"
)

// The segment matcher answers exactly as path-to-regexp's regular expression does, for routes and
// mount paths, case-sensitive or not.
func TestParamSegmentsMatchTheRegexp(t *testing.T) {
	patterns := []string{"/chats/:id", "/a/:id/b/:c", "/:x", "/a-b/:id_2", "/v1.0/:id/x.y", "/:a/:b", "/users/:id/posts"}
	paths := []string{
		"/chats/1", "/chats/1/", "/chats/1//", "/CHATS/1", "/chats", "/chats/", "/chats//", "/chats/1/more", "/chats/1//more",
		"/a/x/b/y", "/A/x/B/y/", "/a/x/b", "/a//b/y", "/a/x/b/y/z", "/x", "/", "//", "/x/", "/a-b/7", "/v1.0/3/x.y",
		"/v1x0/3/x.y", "/v1.0/3/X.Y/", "/p/q", "/p/q/r", "/users/9/posts", "/users/9/posts/", "/users/9/postsx",
		"/users/%2F/posts", "/chats/é", "/chats/1%20x", "/users//posts",
	}
	for _, p := range patterns {
		if paramSegments(p) == nil {
			t.Fatalf("%s: no segments", p)
		}
		for _, opts := range []pathOptions{{end: true}, {end: false}, {end: true, sensitive: true}, {end: false, sensitive: true}} {
			fast, err := newPathMatcher(pathSpec{kind: pathString, str: p}, opts)
			if err != nil || fast.segments == nil {
				t.Fatalf("%s: %v", p, err)
			}
			re, err := compileRegexp(fast.source, fast.flags)
			if err != nil {
				t.Fatal(err)
			}
			slow := &pathMatcher{source: fast.source, flags: fast.flags, keys: fast.keys, re: re, sensitive: opts.sensitive, end: opts.end}
			for _, path := range paths {
				fm, fc, fok := fast.match(path, nil)
				sm, sc, sok := slow.match(path, nil)
				if fm != sm || fok != sok || !slices.Equal(fc, sc) {
					t.Errorf("%s %+v on %q: fast %q %v %v, regexp %q %v %v", p, opts, path, fm, fc, fok, sm, sc, sok)
				}
			}
		}
	}
	for _, p := range []string{"/a/:id?", "/a/:id(\\d+)", "/:file.:ext", "/a/*", "/a/:id/", "/a//:id", "/literal", "/a/:", "/a/:id+"} {
		if segs := paramSegments(p); segs != nil {
			t.Errorf("%s: segments %s, want the regexp", p, fmt.Sprint(segs))
		}
	}
}
