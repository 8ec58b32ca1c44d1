package main

import (
	"context"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"syscall"
	"testing"

	"congtac/loadtest"
)

// envServeProcess marks the test binary run as a server by [serveProcess].
const envServeProcess = "CONGTAC_TEST_SERVE_PROCESS"

// TestServeProcess is not a test of its own. Run by [serveProcess] as a child of the test
// binary with CONGTAC_TEST_SERVE_PROCESS=1, it is "congtac serve" with the arguments after
// "--", and exits with serve's status, so that the crash and instance tests run real
// server processes (and kill them) without building the binary. Otherwise it does
// nothing.
func TestServeProcess(t *testing.T) {
	if os.Getenv(envServeProcess) != "1" {
		return
	}
	args := os.Args[slices.Index(os.Args, "--")+1:]
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, append([]string{"serve"}, args...), os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// serveProcess is a [loadtest.Launcher] that runs "congtac serve" as a child of the test
// binary ([TestServeProcess]).
var serveProcess loadtest.Launcher = func(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestServeProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), envServeProcess+"=1")
	return cmd
}
