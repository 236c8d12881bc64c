package gitrepo

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/transport"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// writeKey writes a new unencrypted ed25519 private key and returns its path.
func writeKey(t *testing.T) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	writeFile(t, path, string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})))
	return path
}

// authServer refuses every request with 401 and records the Authorization headers it got.
type authServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newAuthServer(t *testing.T, tls bool) *authServer {
	s := &authServer{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, r.Header.Get("Authorization"))
		s.mu.Unlock()
		w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
		http.Error(w, "no", http.StatusUnauthorized)
	})
	if tls {
		s.Server = httptest.NewTLSServer(h)
	} else {
		s.Server = httptest.NewServer(h)
	}
	t.Cleanup(s.Close)
	return s
}

// ca is the server's certificate, for Auth.caBundle.
func (s *authServer) ca() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw})
}

func (s *authServer) authorizations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

func basic(user, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
}

const token = "tok-7f3a9c1e-very-secret"

func TestTokenIsSentToHTTPSAndNeverShown(t *testing.T) {
	srv := newAuthServer(t, true)
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	url := srv.URL + "/owner/plugin.git"
	setOrigin(t, r, url)
	auth := Auth{Token: token, SSHKeyPassphrase: "pass-phrase-secret", caBundle: srv.ca()}

	_, err := Update(context.Background(), dir, auth)
	if !errors.Is(err, transport.ErrAuthenticationRequired) {
		t.Fatalf("Update error = %v, want authentication required", err)
	}
	if got := srv.authorizations(); len(got) == 0 || got[0] != basic(DefaultTokenUser, token) {
		t.Errorf("server saw Authorization %q, want the token as %s", got, DefaultTokenUser)
	}
	if !strings.Contains(err.Error(), url) {
		t.Errorf("error %q does not name the remote", err)
	}
	dest := filepath.Join(t.TempDir(), "plugin")
	cloneErr := Clone(context.Background(), url, dest, Auth{Username: "me", Token: token, caBundle: srv.ca()})
	if cloneErr == nil {
		t.Fatal("Clone succeeded against a server refusing everyone")
	}
	if got := srv.authorizations(); got[len(got)-1] != basic("me", token) {
		t.Errorf("Clone sent Authorization %q, want the token as me", got[len(got)-1])
	}
	for _, e := range []error{err, cloneErr} {
		if strings.Contains(e.Error(), token) || strings.Contains(e.Error(), "pass-phrase-secret") {
			t.Errorf("error shows a secret: %v", e)
		}
	}

	// Credentials in the URL itself are used, and redacted.
	withUser := strings.Replace(url, "https://", "https://me:url-secret@", 1)
	setOrigin(t, r, withUser)
	_, err = Update(context.Background(), dir, Auth{Token: token, caBundle: srv.ca()})
	if got := srv.authorizations(); got[len(got)-1] != basic("me", "url-secret") {
		t.Errorf("server saw Authorization %q, want the URL's credentials", got[len(got)-1])
	}
	if err == nil || strings.Contains(err.Error(), "url-secret") || !strings.Contains(err.Error(), "me:***@") {
		t.Errorf("error %v shows the URL's password or hides the remote", err)
	}
}

// A token is never sent in cleartext: plain http remotes get none.
func TestTokenIsNotSentOverHTTP(t *testing.T) {
	srv := newAuthServer(t, false)
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	setOrigin(t, r, srv.URL+"/owner/plugin.git")
	if _, err := Update(context.Background(), dir, Auth{Token: token}); err == nil {
		t.Fatal("Update succeeded against a server refusing everyone")
	}
	for _, a := range srv.authorizations() {
		if a != "" {
			t.Errorf("plain http remote got Authorization %q", a)
		}
	}
}

func TestSSHAuth(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "id_ed25519")
	_, err := Auth{SSHKeyFile: missing, SSHKeyPassphrase: "pass-phrase-secret"}.method("git@example.com:o/r.git")
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing key file: %v", err)
	}
	m, err := Auth{Token: token}.method("ssh://git@example.com/o/r.git")
	if m != nil || err != nil {
		t.Errorf("a token went to an ssh remote: %v, %v", m, err)
	}
	key := writeKey(t)
	knownHosts := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, knownHosts, "")
	for url, user := range map[string]string{"git@example.com:o/r.git": "git", "ssh://deploy@example.com/o/r.git": "deploy", "ssh://example.com/o/r.git": "git"} {
		m, err := Auth{SSHKeyFile: key, KnownHostsFile: knownHosts}.method(url)
		keys, ok := m.(*gitssh.PublicKeys)
		if err != nil || !ok || keys.User != user || keys.HostKeyCallback == nil {
			t.Errorf("%s: auth %#v, %v; want the key as %s with the known hosts", url, m, err, user)
		}
	}
	for _, url := range []string{"file:///srv/r", "/srv/r", "git://example.com/r"} {
		if m, err := (Auth{Token: token, SSHKeyFile: missing}).method(url); m != nil || err != nil {
			t.Errorf("%s got credentials: %v, %v", url, m, err)
		}
	}
}
