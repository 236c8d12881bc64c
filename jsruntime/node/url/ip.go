package url

import (
	"strconv"
	"strings"
)

// parseIPv4 is the URL Standard's IPv4 parser: one to four dot-separated numbers in decimal, octal
// (leading 0) or hex (0x), the last filling the remaining bytes, so "0x7f.1" is 127.0.0.1.
func parseIPv4(host string) (uint32, bool) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return 0, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := parseIPv4Number(p)
		if !ok {
			return 0, false
		}
		nums[i] = n
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return 0, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return 0, false
	}
	return uint32(v + last), true
}

// ipv4Cap saturates parsed numbers: anything this large is already out of range.
const ipv4Cap = 1 << 40

// parseIPv4Number parses one part of an IPv4 address. An empty part is invalid, a bare "0x" is zero.
func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	radix := uint64(10)
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, radix = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, radix = s[1:], 8
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		var d uint64
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case radix == 16 && isHex(c):
			d = uint64(unhex(c))
		default:
			return 0, false
		}
		if d >= radix {
			return 0, false
		}
		n = min(n*radix+d, ipv4Cap)
	}
	return n, true
}

func formatIPv4(v uint32) string {
	b := make([]byte, 0, 15)
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, uint64(v>>(8*i)&0xff), 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return string(b)
}

// ipv6 is an IPv6 address as eight 16-bit pieces.
type ipv6 [8]uint16

// parseIPv6 is the URL Standard's IPv6 parser, for the text between the brackets; it accepts one "::"
// and an embedded dotted IPv4 tail.
func parseIPv6(s string) (ipv6, bool) {
	var addr ipv6
	piece, compress, p := 0, -1, 0
	at := func(i int) int {
		if i < len(s) {
			return int(s[i])
		}
		return -1
	}
	if at(0) == ':' {
		if at(1) != ':' {
			return addr, false
		}
		p = 2
		piece++
		compress = piece
	}
	for at(p) != -1 {
		if piece == 8 {
			return addr, false
		}
		if at(p) == ':' {
			if compress != -1 {
				return addr, false
			}
			p++
			piece++
			compress = piece
			continue
		}
		value, length := 0, 0
		for length < 4 && at(p) != -1 && isHex(s[p]) {
			value = value*16 + int(unhex(s[p]))
			p++
			length++
		}
		if at(p) == '.' {
			if length == 0 || piece > 6 {
				return addr, false
			}
			p -= length
			if !parseIPv4Tail(s[p:], &addr, piece) {
				return addr, false
			}
			piece += 2
			break
		}
		if at(p) == ':' {
			p++
			if at(p) == -1 {
				return addr, false
			}
		} else if at(p) != -1 {
			return addr, false
		}
		addr[piece] = uint16(value)
		piece++
	}
	if compress != -1 {
		// Move the pieces after "::" to the end, leaving zeros in between.
		swaps := piece - compress
		for i := 7; i != 0 && swaps > 0; i, swaps = i-1, swaps-1 {
			addr[i], addr[compress+swaps-1] = addr[compress+swaps-1], addr[i]
		}
	} else if piece != 8 {
		return addr, false
	}
	return addr, true
}

// parseIPv4Tail reads exactly four dotted decimal numbers (no leading zeros) into pieces at and
// after piece.
func parseIPv4Tail(s string, addr *ipv6, piece int) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for i, part := range parts {
		if part == "" || len(part) > 1 && part[0] == '0' || strings.Trim(part, "0123456789") != "" {
			return false
		}
		n, _ := strconv.Atoi(part)
		if n > 255 {
			return false
		}
		addr[piece+i/2] = addr[piece+i/2]<<8 | uint16(n)
	}
	return true
}

// String is the IPv6 serialiser: lower-case hex with the first longest run of two or more zero
// pieces written as "::".
func (a ipv6) String() string {
	start, best := -1, 1
	for i := 0; i < 8; {
		if a[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && a[j] == 0 {
			j++
		}
		if j-i > best {
			start, best = i, j-i
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < 8; i++ {
		if i == start {
			if i == 0 {
				b.WriteString("::")
			} else {
				b.WriteByte(':')
			}
			i += best - 1
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(a[i]), 16))
		if i != 7 {
			b.WriteByte(':')
		}
	}
	return b.String()
}
