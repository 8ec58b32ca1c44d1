package web

import (
	"context"
	"testing"
	"time"
)

// TestPasswordGateAdmitsOneAtATime: a second hash waits until the first leaves, and a
// request that ends while waiting gives up with its context's error.
func TestPasswordGateAdmitsOneAtATime(t *testing.T) {
	g := newPasswordGate()
	if err := g.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.enter(ctx); err != context.Canceled {
		t.Errorf("enter while another hashes, with an ended request = %v; want context.Canceled", err)
	}
	entered := make(chan struct{})
	go func() {
		if g.enter(context.Background()) == nil {
			close(entered)
		}
	}()
	select {
	case <-entered:
		t.Fatal("a second hash entered while the first had not left")
	case <-time.After(50 * time.Millisecond):
	}
	g.leave()
	<-entered // the waiting hash goes in once the first leaves; a hang here fails the test by its timeout
	g.leave()
}
