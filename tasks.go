package pluginhost

import (
	"context"
	"sync"
)

// taskSet tracks the lifecycle work in progress (rebuilds, reloads, and replaced plugins finishing
// their requests and running exit), so that Close can wait for it: no runtime such work builds or
// retires may outlive Close. The zero value is ready.
type taskSet struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	ctx    context.Context // the tasks' context, made by the first start; cancel cuts them short
	cancel context.CancelFunc
}

// start registers a task and returns its context, or reports false once close has been called.
func (s *taskSet) start() (context.Context, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	if s.ctx == nil {
		s.ctx, s.cancel = context.WithCancel(context.Background())
	}
	s.wg.Add(1)
	return s.ctx, true
}

// fork registers one more task from within a running one (which keeps the set from being waited
// out meanwhile), for work that task hands to another goroutine.
func (s *taskSet) fork() { s.wg.Add(1) }

// done ends a task registered by start or fork.
func (s *taskSet) done() { s.wg.Done() }

// close refuses new tasks and waits for those in progress. When ctx ends first they are cut short,
// which closes the runtimes they were building, and still awaited.
func (s *taskSet) close(ctx context.Context) {
	s.mu.Lock()
	s.closed = true
	cancel := s.cancel
	s.mu.Unlock()
	if cancel == nil {
		return
	}
	stop := context.AfterFunc(ctx, cancel)
	s.wg.Wait()
	stop()
	cancel()
}
