package store_test

import (
	"database/sql"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestAPITokenLifecycle(t *testing.T) {
	eachRaw(t, func(t *testing.T, s *store.Store, db *sql.DB) {
		c := newClock(s)
		f := newFixture(t, s)
		alice, bob := f.drafter.UserID, f.chair.UserID

		tok, raw, err := s.CreateAPIToken(ctx, f.drafter, alice, "  Ba\u0309ng ti\u0301nh  ")
		if err != nil {
			t.Fatal(err)
		}
		if tok.Name != "Bảng tính" || tok.UserID != alice || tok.ID == 0 || !tok.CreatedAt.Equal(c.t) || !tok.Active() {
			t.Errorf("created token = %+v", tok)
		}
		secret, ok := strings.CutPrefix(raw, "ct_")
		if b, err := base64.RawURLEncoding.DecodeString(secret); !ok || err != nil || len(b) != 32 {
			t.Errorf("raw token %q is not ct_ + 32 bytes of base64url: %v", raw, err)
		}
		if _, raw2, _ := s.CreateAPIToken(ctx, f.drafter, alice, "second"); raw2 == raw {
			t.Error("two tokens are equal")
		}

		u, got, err := s.AuthenticateAPIToken(ctx, raw)
		if err != nil || u.ID != alice || got.ID != tok.ID {
			t.Fatalf("authenticate = user %d, token %d, %v; want %d, %d", u.ID, got.ID, err, alice, tok.ID)
		}

		// Only the hash is stored; the audit log does not have the token either.
		var hash string
		if err := db.QueryRowContext(ctx, "SELECT token_hash FROM api_tokens WHERE id = $1", tok.ID).Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if hash != sha256Hex(raw) {
			t.Errorf("token_hash = %q, want the SHA-256 of the token", hash)
		}
		var leaks int
		if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM api_tokens WHERE token_hash LIKE $1 OR name LIKE $1)
			+ (SELECT count(*) FROM audit_events WHERE after_json LIKE $1 OR before_json LIKE $1)`,
			"%"+secret+"%").Scan(&leaks); err != nil {
			t.Fatal(err)
		}
		if leaks != 0 {
			t.Errorf("%d rows hold the raw token", leaks)
		}

		for name, bad := range map[string]string{"unknown": "ct_" + strings.Repeat("A", 43), "malformed": "Bearer x",
			"hash itself": hash, "empty": "", "wrong prefix": "xx_" + secret} {
			if _, _, err := s.AuthenticateAPIToken(ctx, bad); congtac.ErrorCode(err) != congtac.ENOTFOUND {
				t.Errorf("%s token: %v, want ENOTFOUND", name, err)
			}
		}

		if err := s.RevokeAPIToken(ctx, f.chair, bob, tok.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("bob revokes alice's token: %v, want ENOTFOUND", err)
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, raw); err != nil {
			t.Errorf("token revoked by someone else's request: %v", err)
		}
		c.add(time.Hour)
		if err := s.RevokeAPIToken(ctx, f.drafter, alice, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, raw); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("revoked token: %v, want ENOTFOUND", err)
		}
		if err := s.RevokeAPIToken(ctx, f.drafter, alice, tok.ID); err != nil {
			t.Errorf("revoking twice: %v, want nil", err)
		}
		tokens, err := s.FindAPITokens(ctx, alice)
		if err != nil || len(tokens) != 2 {
			t.Fatalf("FindAPITokens = %d, %v; want 2", len(tokens), err)
		}
		if tokens[0].Name != "second" || !tokens[0].Active() || tokens[1].ID != tok.ID || tokens[1].Active() ||
			!tokens[1].RevokedAt.Equal(c.t) {
			t.Errorf("tokens, newest first = %+v", tokens)
		}
		id := tok.ID
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "api_token", EntityID: &id})
		var actions []string
		for _, e := range events {
			actions = append(actions, e.Action)
		}
		if strings.Join(actions, ",") != "revoke,create" {
			t.Errorf("audit of the token = %v, want revoke,create", actions)
		}
		if bobs, _ := s.FindAPITokens(ctx, bob); len(bobs) != 0 {
			t.Errorf("bob has %d tokens, want 0", len(bobs))
		}
	})
}

func TestAPITokenOfDisabledUserFails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		_, raw, err := s.CreateAPIToken(ctx, f.reporterA, f.reporterA.UserID, "báo cáo")
		if err != nil {
			t.Fatal(err)
		}
		u, _ := s.FindUserByID(ctx, f.reporterA.UserID)
		yes, no := true, false
		if u, err = s.UpdateUser(ctx, congtac.System, u.ID, u.Version, congtac.UserUpdate{Disabled: &yes}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, raw); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("token of a disabled user: %v, want ENOTFOUND", err)
		}
		if _, err = s.UpdateUser(ctx, congtac.System, u.ID, u.Version, congtac.UserUpdate{Disabled: &no}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, raw); err != nil {
			t.Errorf("token after the account is enabled again: %v", err)
		}
	})
}

func TestAPITokenRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		user := f.reporterA.UserID
		for name, tc := range map[string]struct {
			user  int64
			token string
			code  string
		}{
			"empty name":      {user, "   ", congtac.EINVALID},
			"101 characters":  {user, strings.Repeat("đ", 101), congtac.EINVALID},
			"100 characters":  {user, strings.Repeat("đ", 100), ""},
			"unknown account": {99999, "x", congtac.ENOTFOUND},
		} {
			if _, _, err := s.CreateAPIToken(ctx, congtac.System, tc.user, tc.token); congtac.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %q", name, err, tc.code)
			}
		}
		var last congtac.APIToken
		for i := 1; i < congtac.MaxActiveAPITokens; i++ {
			var err error
			if last, _, err = s.CreateAPIToken(ctx, congtac.System, user, "mã"); err != nil {
				t.Fatalf("token %d: %v", i+1, err)
			}
		}
		if _, _, err := s.CreateAPIToken(ctx, congtac.System, user, "mã thừa"); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("token %d: %v, want EINVALID", congtac.MaxActiveAPITokens+1, err)
		}
		if _, _, err := s.CreateAPIToken(ctx, congtac.System, f.drafter.UserID, "mã"); err != nil {
			t.Errorf("another user's first token: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, congtac.System, user, last.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateAPIToken(ctx, congtac.System, user, "mã thay thế"); err != nil {
			t.Errorf("a token after revoking one: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, congtac.System, user, 99999); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("revoke an unknown token: %v, want ENOTFOUND", err)
		}
	})
}

func TestAPITokenLastUsedIsThrottled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		f := newFixture(t, s)
		_, raw, err := s.CreateAPIToken(ctx, f.drafter, f.drafter.UserID, "đồng bộ")
		if err != nil {
			t.Fatal(err)
		}
		stored := func() time.Time {
			t.Helper()
			tokens, err := s.FindAPITokens(ctx, f.drafter.UserID)
			if err != nil || len(tokens) != 1 {
				t.Fatalf("FindAPITokens = %v, %v", tokens, err)
			}
			return tokens[0].LastUsedAt
		}
		if !stored().IsZero() {
			t.Fatalf("a new token has last_used_at %v, want zero", stored())
		}
		start := c.t
		for _, step := range []struct {
			after time.Duration
			want  time.Time
		}{
			{0, start},                                 // first use is recorded
			{30 * time.Second, start},                  // within the minute: no write
			{59 * time.Second, start},                  // still within
			{60 * time.Second, start.Add(time.Minute)}, // a minute on: renewed
			{90 * time.Second, start.Add(time.Minute)},
		} {
			c.t = start.Add(step.after)
			_, tok, err := s.AuthenticateAPIToken(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			if got := stored(); !got.Equal(step.want) || !tok.LastUsedAt.Equal(step.want) {
				t.Errorf("at +%v: last used stored %v, returned %v; want %v", step.after, got, tok.LastUsedAt, step.want)
			}
		}
	})
}

// TestAPITokenLimitUnderConcurrency creates more tokens than allowed at once: exactly the
// limit succeed, on both engines.
func TestAPITokenLimitUnderConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		const tries = congtac.MaxActiveAPITokens + 5
		errs := make(chan error, tries)
		for range tries {
			go func() {
				_, _, err := s.CreateAPIToken(ctx, congtac.System, f.drafter.UserID, "song song")
				errs <- err
			}()
		}
		made := 0
		for range tries {
			switch err := <-errs; congtac.ErrorCode(err) {
			case "":
				made++
			case congtac.EINVALID:
			default:
				t.Errorf("create: %v", err)
			}
		}
		if made != congtac.MaxActiveAPITokens {
			t.Errorf("%d tokens made, want %d", made, congtac.MaxActiveAPITokens)
		}
	})
}
