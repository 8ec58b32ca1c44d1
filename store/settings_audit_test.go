package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestSettingsAuditHidesTheSMTPPassword(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		st := congtac.DefaultSettings()
		st.SMTP = congtac.SMTP{Host: "mail.example.vn", Port: 587, Username: "vanthu", Password: "bí-mật-thư-điện-tử"}
		if err := s.SaveSettings(ctx, congtac.System, st); err != nil {
			t.Fatal(err)
		}
		got, err := s.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.SMTP.Password != st.SMTP.Password {
			t.Errorf("stored SMTP password = %q, want it kept", got.SMTP.Password)
		}
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "settings"})
		if err != nil || len(events) != 1 {
			t.Fatalf("settings events = %d, %v; want 1", len(events), err)
		}
		if strings.Contains(events[0].After, "bí-mật") || !strings.Contains(events[0].After, "(đã ẩn)") {
			t.Errorf("audit of the settings shows the password or hides that one is set: %s", events[0].After)
		}
		if !strings.Contains(events[0].After, "mail.example.vn") {
			t.Errorf("audit of the settings lost the SMTP host: %s", events[0].After)
		}
	})
}
