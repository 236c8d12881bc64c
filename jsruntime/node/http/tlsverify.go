package http

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// tlsError is a failed certificate check in Node's shape: an Error whose code is OpenSSL's
// verification code (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ...) or
// ERR_TLS_CERT_ALTNAME_INVALID with reason and host.
type tlsError struct {
	code   string
	msg    string
	reason string // for ERR_TLS_CERT_ALTNAME_INVALID
	host   string
}

func (e *tlsError) Error() string { return e.msg }

func (e *tlsError) JSValue(vm *goja.Runtime) goja.Value {
	obj := newError(vm, e.msg)
	_ = obj.Set("code", e.code)
	if e.code == "ERR_TLS_CERT_ALTNAME_INVALID" {
		_ = obj.Set("reason", e.reason)
		_ = obj.Set("host", e.host)
	}
	return obj
}

// verifyPeer checks the chain against roots (the system's when nil) and then host against the leaf,
// in Node's order, and describes the first failure.
func verifyPeer(cs tls.ConnectionState, roots *x509.CertPool, host string) *tlsError {
	if len(cs.PeerCertificates) == 0 {
		return &tlsError{code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", msg: "unable to verify the first certificate"}
	}
	leaf := cs.PeerCertificates[0]
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
	if err != nil {
		return chainError(err, cs.PeerCertificates)
	}
	if host == "" {
		return nil
	}
	if err := leaf.VerifyHostname(host); err != nil {
		reason := altnameReason(leaf, host)
		return &tlsError{
			code: "ERR_TLS_CERT_ALTNAME_INVALID", reason: reason, host: host,
			msg: "Hostname/IP does not match certificate's altnames: " + reason,
		}
	}
	return nil
}

// chainError names a chain failure as OpenSSL's verify codes do.
func chainError(err error, chain []*x509.Certificate) *tlsError {
	var invalid x509.CertificateInvalidError
	if errors.As(err, &invalid) && invalid.Reason == x509.Expired {
		if time.Now().Before(invalid.Cert.NotBefore) {
			return &tlsError{code: "CERT_NOT_YET_VALID", msg: "certificate is not yet valid"}
		}
		return &tlsError{code: "CERT_HAS_EXPIRED", msg: "certificate has expired"}
	}
	leaf := chain[0]
	last := chain[len(chain)-1]
	switch {
	case len(chain) == 1 && selfSigned(leaf):
		return &tlsError{code: "DEPTH_ZERO_SELF_SIGNED_CERT", msg: "self-signed certificate"}
	case len(chain) > 1 && selfSigned(last):
		return &tlsError{code: "SELF_SIGNED_CERT_IN_CHAIN", msg: "self-signed certificate in certificate chain"}
	case len(chain) == 1:
		return &tlsError{code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", msg: "unable to verify the first certificate"}
	}
	return &tlsError{code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", msg: "unable to get local issuer certificate"}
}

func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignatureFrom(c) == nil
}

// altnameReason is the reason part of Node's ERR_TLS_CERT_ALTNAME_INVALID message.
func altnameReason(c *x509.Certificate, host string) string {
	if ip := net.ParseIP(host); ip != nil {
		ips := make([]string, len(c.IPAddresses))
		for i, a := range c.IPAddresses {
			ips[i] = formatIP(a)
		}
		return "IP: " + host + " is not in the cert's list: " + strings.Join(ips, ", ")
	}
	alt := subjectAltName(c)
	if alt != "" {
		return "Host: " + host + ". is not in the cert's altnames: " + alt
	}
	if c.Subject.CommonName != "" {
		return "Host: " + host + ". is not cert's CN: " + c.Subject.CommonName
	}
	return "Cert does not contain a DNS name"
}

// subjectAltName is the certificate's subjectaltname as Node prints it.
func subjectAltName(c *x509.Certificate) string {
	var parts []string
	for _, d := range c.DNSNames {
		parts = append(parts, "DNS:"+d)
	}
	for _, u := range c.URIs {
		parts = append(parts, "URI:"+u.String())
	}
	for _, e := range c.EmailAddresses {
		parts = append(parts, "email:"+e)
	}
	for _, ip := range c.IPAddresses {
		parts = append(parts, "IP Address:"+formatIP(ip))
	}
	return strings.Join(parts, ", ")
}

// formatIP writes IPv6 addresses in full, as OpenSSL does ("0:0:0:0:0:0:0:1").
func formatIP(ip net.IP) string {
	if v4 := ip.To4(); v4 != nil {
		return v4.String()
	}
	groups := make([]string, 8)
	for i := range groups {
		groups[i] = fmt.Sprintf("%X", uint16(ip[2*i])<<8|uint16(ip[2*i+1]))
	}
	return strings.Join(groups, ":")
}

// peerCertificate is the part of tlsSocket.getPeerCertificate() pluginhost fills in.
func peerCertificate(vm *goja.Runtime, c *x509.Certificate, raw goja.Value) *goja.Object {
	o := vm.NewObject()
	name := func(n pkix.Name) *goja.Object {
		obj := vm.NewObject()
		set := func(k string, vs []string) {
			if len(vs) > 0 {
				_ = obj.Set(k, vs[0])
			}
		}
		set("C", n.Country)
		set("ST", n.Province)
		set("L", n.Locality)
		set("O", n.Organization)
		set("OU", n.OrganizationalUnit)
		if n.CommonName != "" {
			_ = obj.Set("CN", n.CommonName)
		}
		return obj
	}
	_ = o.Set("subject", name(c.Subject))
	_ = o.Set("issuer", name(c.Issuer))
	if alt := subjectAltName(c); alt != "" {
		_ = o.Set("subjectaltname", alt)
	}
	_ = o.Set("valid_from", opensslTime(c.NotBefore))
	_ = o.Set("valid_to", opensslTime(c.NotAfter))
	_ = o.Set("serialNumber", strings.ToUpper(c.SerialNumber.Text(16)))
	s1 := sha1.Sum(c.Raw)
	s256 := sha256.Sum256(c.Raw)
	_ = o.Set("fingerprint", fingerprint(s1[:]))
	_ = o.Set("fingerprint256", fingerprint(s256[:]))
	_ = o.Set("raw", raw)
	return o
}

func opensslTime(t time.Time) string { return t.UTC().Format("Jan _2 15:04:05 2006 GMT") }

func fingerprint(sum []byte) string {
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// handshakeError describes a TLS handshake that failed before any certificate check.
func handshakeError(err error) error {
	var re tls.RecordHeaderError
	if errors.As(err, &re) {
		return &codedError{code: "EPROTO", msg: "write EPROTO " + err.Error()}
	}
	if errors.Is(err, io.EOF) {
		return &codedError{code: "ECONNRESET", msg: "Client network socket disconnected before secure TLS connection was established"}
	}
	return err
}
