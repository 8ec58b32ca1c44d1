// Command congtac is the whole work-program system of a People's Committee in one binary:
// the web application (serve), demo data (demo), schema migrations (migrate), accounts
// (user add), backups and restores (backup, restore), synthetic data sets (gen), and the
// configuration and version it runs with (config, version). Run "congtac help" for the list.
//
// This is the only package that wires the others together. Configuration comes from flags
// with CONGTAC_* environment fallbacks, in one [Config] passed explicitly; nothing is kept
// in package variables except the version stamped in at build time.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // Asia/Ho_Chi_Minh on systems without a zone database (Windows)
)

// version is stamped at build time with -ldflags "-X main.version=v1.2.3". Empty means the
// module version from the build information.
var version string

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run carries out the command line args (without the program name) and returns the exit
// status: 0 on success, 1 when the command failed, 2 for a mistake in the command line or
// the environment. Cancelling ctx stops a running command (serve shuts down gracefully).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, lookupEnv: os.LookupEnv}
	return c.run(ctx, args)
}
