package nodeerr

import (
	"strings"
	"testing"
)

// TestSystemErrorsFollowNode checks util.getSystemErrorMap's table: libuv's order and libuv's own
// codes with their fixed numbers (Node 20 on Linux).
func TestSystemErrorsFollowNode(t *testing.T) {
	var codes []string
	byCode := map[string]int{}
	SystemErrors(func(errno int, code, _ string) {
		codes = append(codes, code)
		byCode[code] = errno
	})
	if got, want := strings.Join(codes[:7], ","), "E2BIG,EACCES,EADDRINUSE,EADDRNOTAVAIL,EAFNOSUPPORT,EAGAIN,EAI_ADDRFAMILY"; got != want {
		t.Errorf("first codes = %s, want %s", got, want)
	}
	for code, want := range map[string]int{"EAI_NONAME": -3008, "EOF": -4095, "UNKNOWN": -4094, "ECHARSET": -4080} {
		if byCode[code] != want {
			t.Errorf("%s = %d, want %d", code, byCode[code], want)
		}
		if got := ErrnoName(want); got != code {
			t.Errorf("ErrnoName(%d) = %s, want %s", want, got, code)
		}
	}
}
