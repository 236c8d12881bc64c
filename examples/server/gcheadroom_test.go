package main

import "testing"

func TestGCPercentFor(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		live, headroom uint64
		want           int
	}{
		{0, 64 * mib, 1000},        // nothing measured yet: the heap is only starting
		{16 * mib, 64 * mib, 400},  // a small heap may grow by 64 MiB
		{48 * mib, 64 * mib, 133},  //
		{64 * mib, 64 * mib, 100},  // a heap this large already has the headroom at GOGC=100
		{500 * mib, 64 * mib, 100}, //
		{1 * mib, 64 * mib, 1000},  // bounded
		{16 * mib, 0, 100},         // off
	} {
		if got := gcPercentFor(tc.live, tc.headroom); got != tc.want {
			t.Errorf("gcPercentFor(%d MiB, %d MiB) = %d, want %d", tc.live/mib, tc.headroom/mib, got, tc.want)
		}
	}
}
