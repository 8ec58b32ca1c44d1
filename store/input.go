package store

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"congtac/vn"
)

// Inputs a use case cleans or checks before it writes them.

// cleanText puts a user's text in NFC without surrounding spaces. Invalid UTF-8 is left as
// it is, for the domain's Validate to refuse ([congtac.CheckText]): repaired, what was kept
// would not be what was sent.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return s
	}
	return vn.NFC(s)
}

// checkPerson returns ENOTFOUND naming what when a person ID other than 0 does not exist.
func checkPerson(ctx context.Context, q queryer, id int64, what string) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id = $1", id).Scan(&n); err != nil {
		return fmt.Errorf("store: find person: %w", err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}
