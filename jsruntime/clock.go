package jsruntime

import "time"

// Clock is the time source for timers created by a runtime (setTimeout, AbortSignal.timeout, …).
// The zero Options use the real clock; tests substitute a manual one to fire long timers at once.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has elapsed, like time.AfterFunc.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is the handle returned by Clock.AfterFunc.
type Timer interface {
	// Stop prevents the timer from firing; it reports whether the call stopped it.
	Stop() bool
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }

// RealClock is the wall clock, the default Clock.
var RealClock Clock = realClock{}
