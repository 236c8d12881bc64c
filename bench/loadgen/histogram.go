package main

import (
	"math/bits"
	"time"
)

// histogram is a log-linear latency histogram in the HDR style: values below
// 2*subBuckets microseconds get one bucket each, and every power-of-two range
// above is split into subBuckets equal buckets, so a recorded value is known to
// within 1/subBuckets (under 1%) with a fixed, small memory footprint however
// many requests are recorded. Each worker owns one; they are merged at the end.
type histogram struct {
	counts [numBuckets]uint64
	total  uint64
}

const (
	subBucketBits = 7
	subBuckets    = 1 << subBucketBits // buckets per power-of-two range
	// Ranges [2^k, 2^(k+1)) for k from subBucketBits+1 to 63, after the exact region.
	numBuckets = 2*subBuckets + (64-subBucketBits-1)*subBuckets
)

func bucketOf(us uint64) int {
	if us < 2*subBuckets {
		return int(us)
	}
	shift := bits.Len64(us) - subBucketBits - 1 // keeps the top subBucketBits+1 bits
	top := us >> shift                          // in [subBuckets, 2*subBuckets)
	return 2*subBuckets + (shift-1)*subBuckets + int(top-subBuckets)
}

// bucketMax is the largest value that falls in bucket i; percentiles report it,
// so they never understate a latency.
func bucketMax(i int) uint64 {
	if i < 2*subBuckets {
		return uint64(i)
	}
	j := i - 2*subBuckets
	shift := j/subBuckets + 1
	top := uint64(j%subBuckets + subBuckets)
	return (top+1)<<shift - 1
}

func (h *histogram) record(d time.Duration) {
	us := d.Microseconds()
	if us < 0 {
		us = 0
	}
	h.counts[bucketOf(uint64(us))]++
	h.total++
}

func (h *histogram) merge(o *histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.total += o.total
}

// percentile returns the latency at or below which q (0..1) of the recorded
// values fall, or 0 when nothing was recorded.
func (h *histogram) percentile(q float64) time.Duration {
	if h.total == 0 {
		return 0
	}
	rank := uint64(q*float64(h.total) + 0.5)
	rank = max(rank, 1)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			return time.Duration(bucketMax(i)) * time.Microsecond
		}
	}
	return time.Duration(bucketMax(numBuckets-1)) * time.Microsecond
}
