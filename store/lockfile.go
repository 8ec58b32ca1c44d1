package store

import (
	"errors"
	"fmt"
	"os"
)

// An SQLite database at path has a lock file beside it, path + ".lock", on which every
// process that opens the database ([Open]) holds a shared lock until it closes it, and
// [Restore] an exclusive one while it replaces the database. So a restore never replaces a
// database a server has open, and a server never opens one while it is being replaced. The
// locks are the operating system's advisory locks (flock, LockFileEx), released when the
// process ends, however it ends; the lock file itself stays, empty, and is never removed,
// since removing it would let two processes lock two different files.

// errLocked is what tryLock returns when another holder's lock stands in the way.
var errLocked = errors.New("store: file is locked")

// fileLock is a lock held on an open lock file.
type fileLock struct{ f *os.File }

// lockFile takes a shared (exclusive false) or exclusive lock on the file at path, created
// if missing, without waiting: errLocked when another holder's lock conflicts.
func lockFile(path string, exclusive bool) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: lock file: %w", err)
	}
	if err := tryLock(f, exclusive); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, err
		}
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	return &fileLock{f: f}, nil
}

// unlock releases the lock. A nil lock (a PostgreSQL store's) does nothing.
func (l *fileLock) unlock() error {
	if l == nil {
		return nil
	}
	return errors.Join(unlockFile(l.f), l.f.Close())
}
