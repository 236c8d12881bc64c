package gitrepo

import (
	"context"
	"errors"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	"github.com/go-git/go-git/v5/plumbing/transport/server"
)

// go-git's own file transport runs the git-upload-pack binary; this package serves file:// URLs and
// local paths in process instead (go-git's server package), so that no git binary is needed. The
// protocol table is go-git's global, so this applies to every go-git user in the process; it is set
// once, before any use. The in-process server cannot serve shallow fetches, so Clone copies local
// repositories in full.
func init() {
	client.InstallProtocol("file", localTransport{})
}

// localTransport opens the repository at an endpoint's path: bare, or a work tree with its .git (a
// directory or a gitfile), which go-git's own filesystem loader does not find.
type localTransport struct{}

func (localTransport) NewUploadPackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.UploadPackSession, error) {
	sto, err := openLocal(ep)
	if err != nil {
		return nil, err
	}
	s, err := server.NewClient(server.MapLoader{ep.String(): sto}).NewUploadPackSession(ep, auth)
	if err != nil {
		return nil, err
	}
	return knownHaves{s, sto}, nil
}

func (localTransport) NewReceivePackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.ReceivePackSession, error) {
	sto, err := openLocal(ep)
	if err != nil {
		return nil, err
	}
	return server.NewClient(server.MapLoader{ep.String(): sto}).NewReceivePackSession(ep, auth)
}

func openLocal(ep *transport.Endpoint) (storer.Storer, error) {
	r, err := git.PlainOpenWithOptions(ep.Path, &git.PlainOpenOptions{EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, transport.ErrRepositoryNotFound
	}
	if err != nil {
		return nil, err
	}
	return r.Storer, nil
}

// knownHaves drops the commits the client has and the server lacks (a local branch ahead of its
// upstream) from a fetch request: go-git's server fails on them where git ignores them.
type knownHaves struct {
	transport.UploadPackSession
	sto storer.EncodedObjectStorer
}

func (s knownHaves) UploadPack(ctx context.Context, req *packp.UploadPackRequest) (*packp.UploadPackResponse, error) {
	haves := req.Haves[:0:0]
	for _, h := range req.Haves {
		if s.sto.HasEncodedObject(h) == nil {
			haves = append(haves, h)
		}
	}
	req.Haves = haves
	return s.UploadPackSession.UploadPack(ctx, req)
}
