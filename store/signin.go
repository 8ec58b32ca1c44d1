package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
	"congtac/vn"
)

// Failed sign-ins are counted per subject: "account:" and the folded login, or "address:"
// and the client address (see migration 0012), on the store's clock, so that every
// instance sharing the database counts the same failures.

// maxSubject is how many characters of a login or an address a subject keeps: enough for
// any account or address, and a bound on what a client can make the store keep.
const maxSubject = 100

// signInSubjects returns the subjects an attempt on login from address counts against.
func signInSubjects(login, address string) (account, client string) {
	return "account:" + clip(vn.Fold(login), maxSubject), "address:" + clip(address, maxSubject)
}

// FindSignInFailures counts the failed sign-ins recorded within [congtac.SignInWindow]
// against the account login (whatever its case or diacritics) and against the client
// address.
func (s *Store) FindSignInFailures(ctx context.Context, login, address string) (congtac.SignInFailures, error) {
	var f congtac.SignInFailures
	account, client := signInSubjects(login, address)
	since := s.now().Add(-congtac.SignInWindow).Unix()
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for subject, n := range map[string]*int{account: &f.Account, client: &f.Address} {
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sign_in_failures
				WHERE subject = $1 AND at > $2`, subject, since).Scan(n); err != nil {
				return fmt.Errorf("store: find sign-in failures: %w", err)
			}
		}
		return nil
	})
	return f, err
}

// RecordSignInFailure counts failure f against its account and its client address, audits
// it (action f.Action on the user f.UserID, 0 when the login names no account, with
// f.Detail; the actor is the anonymous client, or a's user when a is signed in), and
// forgets failures older than [congtac.SignInWindow], in one transaction.
func (s *Store) RecordSignInFailure(ctx context.Context, a congtac.Actor, f congtac.SignInFailure) error {
	account, client := signInSubjects(f.Login, f.Address)
	now := s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sign_in_failures WHERE at <= $1",
			now.Add(-congtac.SignInWindow).Unix()); err != nil {
			return fmt.Errorf("store: record sign-in failure: %w", err)
		}
		for _, subject := range []string{account, client} {
			if _, err := tx.ExecContext(ctx, "INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2)",
				subject, now.Unix()); err != nil {
				return fmt.Errorf("store: record sign-in failure: %w", err)
			}
		}
		return s.audit(ctx, tx, a, f.Action, "user", f.UserID, a.OrgID, nil, detailJSON(f.Detail))
	})
}
