package store_test

import (
	"database/sql"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestAuditLogIsAppendOnly(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			s, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			newFixture(t, s)
			events, total, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "org"})
			if err != nil || total != 5 || len(events) != 5 {
				t.Fatalf("org audit events = %d, %v; want 5", total, err)
			}
			if events[0].After == "" || events[0].Before != "" || !strings.Contains(events[0].After, "Thôn Đông") {
				t.Errorf("newest create event before/after = %q / %q", events[0].Before, events[0].After)
			}
			users, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user"})
			for _, ev := range users {
				if ev.After == "" || strings.Contains(ev.After, "argon2") {
					t.Errorf("user audit event lacks data or leaks a secret: %s", ev.After)
				}
			}
			driver, name := "sqlite", dsn
			if e == store.Postgres {
				driver = "pgx"
			}
			raw, err := sql.Open(driver, name)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			if _, err := raw.ExecContext(ctx, "UPDATE audit_events SET action = 'forged'"); err == nil {
				t.Error("rewriting the audit log succeeded; want the database to refuse")
			}
		})
	}
}
