package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// errTooManyRedirects is net/http's own limit, which a client with a CheckRedirect of its own has to
// keep itself.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// permitted checks a fetch of u against the plugin's policy: the connection to its host and port.
func permitted(gate *policy.Gate, u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	port, _ := strconv.Atoi(u.Port())
	if port == 0 {
		port = 80
		if u.Scheme == "https" {
			port = 443
		}
	}
	return gate.CheckConnect(u.Hostname(), port)
}

// guarded is client with each redirect it would follow checked against the plugin's policy, so that
// an allowed host cannot send the plugin on to one that is not. The client's own redirect rule
// (manual, error, or net/http's ten redirects at most) comes first.
func guarded(client *http.Client, gate *policy.Gate) *http.Client {
	if !gate.Restricted() {
		return client
	}
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if client.CheckRedirect != nil {
			if err := client.CheckRedirect(req, via); err != nil {
				return err
			}
		} else if len(via) >= 10 {
			return errTooManyRedirects
		}
		return permitted(gate, req.URL)
	}
	return &c
}
