package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"syscall"
	"time"
)

// Launcher makes the command that runs "congtac serve" with args, the flags after the
// word serve. The command uses its own binary (os.Executable); a test re-runs its test
// binary as the server.
type Launcher func(args ...string) *exec.Cmd

// Process is a "congtac serve" the harness started.
type Process struct {
	URL  string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has ended
	err  error         // how it ended, once done is closed
}

// FreeAddr returns a loopback address with a port nobody listens on right now.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// startTimeout bounds how long a server may take to open and migrate its database and
// answer its health check.
const startTimeout = 2 * time.Minute

// StartServer runs launch(args..., "-addr", addr) with its output to out and waits until
// its health check answers. It fails when the process ends first or does not answer in
// time (then it is killed).
func StartServer(ctx context.Context, launch Launcher, addr string, out io.Writer, args ...string) (*Process, error) {
	cmd := launch(append(args, "-addr", addr)...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("loadtest: start server: %w", err)
	}
	p := &Process{URL: "http://" + addr, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := p.waitHealthy(ctx); err != nil {
		p.Kill()
		return nil, err
	}
	return p, nil
}

// waitHealthy polls /healthz until it answers 200.
func (p *Process) waitHealthy(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	hc := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{Proxy: nil}}
	defer hc.CloseIdleConnections()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.URL+"/healthz", nil)
		if resp, err := hc.Do(req); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("loadtest: the server ended before answering: %v", p.err)
		case <-ctx.Done():
			return fmt.Errorf("loadtest: the server at %s did not answer within %s", p.URL, startTimeout)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// PID returns the server's process ID.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Kill ends the server at once with SIGKILL, as a power cut or the kernel's out-of-memory
// killer would (the database sees no shutdown), and waits until it is gone.
func (p *Process) Kill() {
	p.cmd.Process.Kill()
	<-p.done
}

// Stop asks the server to shut down (SIGTERM) and waits for it; after timeout it kills it.
// It returns an error when the server did not end cleanly.
func (p *Process) Stop(timeout time.Duration) error {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return p.err
	case <-time.After(timeout):
		p.Kill()
		return errors.New("loadtest: the server did not stop in time and was killed")
	}
}
