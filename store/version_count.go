package store

import (
	"context"
	"fmt"
)

// CountProgramVersions returns how many versions of program id were kept: 0 for a draft
// never submitted, whose deletion loses no history.
func (s *Store) CountProgramVersions(ctx context.Context, id int64) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM program_versions WHERE program_id = $1", id).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count program versions: %w", err)
	}
	return n, nil
}
