package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"congtac"
)

// Backup writes a consistent copy of an SQLite database to path, a new file, while the
// database stays in use: VACUUM INTO reads one snapshot, so writers are not blocked and the
// copy holds only committed transactions. The copy is compacted and opens with [Open].
// A path that already exists is EINVALID, and so is a PostgreSQL store, which is backed
// up with pg_dump.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.engine != SQLite {
		return congtac.Errorf(congtac.EINVALID, "Cơ sở dữ liệu PostgreSQL được sao lưu bằng pg_dump.")
	}
	if path == "" {
		return congtac.Errorf(congtac.EINVALID, "Chưa có tên tệp sao lưu.")
	}
	if _, err := os.Stat(path); err == nil {
		return congtac.Errorf(congtac.EINVALID, "Tệp %s đã có; chọn tên khác.", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := s.read.ExecContext(ctx, "VACUUM INTO $1", path); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}
