//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package store

import "os"

// tryLock always succeeds: this system has no advisory file locks congtac uses, so a
// restore relies on SQLite's own check alone ([Restore]).
func tryLock(*os.File, bool) error { return nil }

// unlockFile does nothing; see tryLock.
func unlockFile(*os.File) error { return nil }
