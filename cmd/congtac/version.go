package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// buildVersion returns the version stamped with -ldflags "-X main.version=…", else the
// module version and VCS revision from the build information, else "(devel)".
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+dirty"
		}
	}
	return v
}

// versionCmd prints the version, the Go version and the platform: "congtac version".
type versionCmd struct{}

func (*versionCmd) flags(*flag.FlagSet, *Config) {}

func (*versionCmd) run(_ context.Context, c *cli, _ Config) error {
	fmt.Fprintf(c.stdout, "congtac %s\n%s %s/%s\n", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
