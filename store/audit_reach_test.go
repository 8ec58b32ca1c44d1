package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestAuditReachFollowsViewAudit checks that the log an actor reads is limited by its
// ViewAudit scope: the whole log for an admin, the org subtree for an office head scoped to
// a department, nothing for a role without ViewAudit.
func TestAuditReachFollowsViewAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		count := func(a congtac.Actor) int {
			t.Helper()
			_, total, err := s.FindAuditEvents(ctx, a, congtac.AuditFilter{Entity: "org"})
			if err != nil {
				t.Fatal(err)
			}
			return total
		}
		head := congtac.Actor{UserID: f.drafter.UserID, Role: congtac.RoleOfficeHead, OrgID: f.deptA.ID}
		viewer := congtac.Actor{UserID: f.drafter.UserID, Role: congtac.RoleViewer, OrgID: f.committee.ID}
		if got := count(congtac.System); got != 5 {
			t.Errorf("admin reads %d org events, want 5", got)
		}
		if got := count(head); got != 1 {
			t.Errorf("office head of a department reads %d org events, want 1 (its own)", got)
		}
		if got := count(viewer); got != 0 {
			t.Errorf("viewer reads %d org events, want 0", got)
		}
	})
}
