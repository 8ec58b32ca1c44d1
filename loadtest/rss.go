package loadtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ReadRSS returns the resident set size of process pid in bytes, from the VmRSS line of
// /proc/<pid>/status (Linux only; elsewhere, or for a process that has ended, an error).
func ReadRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmRSS(f)
}

// parseVmRSS reads the "VmRSS:   123456 kB" line of a /proc status file.
func parseVmRSS(r io.Reader) (int64, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("loadtest: unreadable VmRSS line %q", sc.Text())
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("loadtest: unreadable VmRSS line %q", sc.Text())
		}
		return kb * 1024, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("loadtest: no VmRSS line (a kernel thread or a zombie)")
}

// RSSWatch samples the resident set size of a process at a fixed interval while it runs.
// It is safe for concurrent use.
type RSSWatch struct {
	mu        sync.Mutex
	max, last int64
	samples   int
	err       error
	stop      context.CancelFunc
	done      chan struct{}
	pid       int
	interval  time.Duration
}

// WatchRSS starts sampling process pid every interval until [RSSWatch.Stop].
func WatchRSS(pid int, interval time.Duration) *RSSWatch {
	ctx, cancel := context.WithCancel(context.Background())
	w := &RSSWatch{stop: cancel, done: make(chan struct{}), pid: pid, interval: interval}
	go w.loop(ctx)
	return w
}

func (w *RSSWatch) loop(ctx context.Context) {
	defer close(w.done)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		w.sample()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sample reads the size once and keeps the maximum, the last value and the first error.
func (w *RSSWatch) sample() {
	rss, err := ReadRSS(w.pid)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.samples++
	w.last = rss
	w.max = max(w.max, rss)
}

// Stop ends the sampling after one last sample and returns the largest and the last size
// seen, in bytes; err is set when no sample could be read.
func (w *RSSWatch) Stop() (maxRSS, last int64, err error) {
	w.stop()
	<-w.done
	w.sample()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.samples == 0 {
		return 0, 0, w.err
	}
	return w.max, w.last, nil
}

// MiB formats a size in bytes as mebibytes with one decimal.
func MiB(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
