package store_test

import (
	"sync"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestNotificationsAreRecordedOnce: a user is told of an occasion once, even when two
// runners record it at the same moment; the unread count follows what the user marks read,
// and nobody marks another's.
func TestNotificationsAreRecordedOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		due := congtac.Notification{UserID: f.reporterA.UserID, Kind: "task_due", Key: "task-due:1:2023-04-28",
			Title: "Nhiệm vụ đến hạn ngày 30/4/2023", Link: "/tasks/1"}
		var wg sync.WaitGroup
		recorded := make([]int, 4)
		for i := range recorded {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ns, err := s.Notify(ctx, []congtac.Notification{due}, false)
				if err != nil {
					t.Error(err)
				}
				recorded[i] = len(ns)
			}()
		}
		wg.Wait()
		if total := recorded[0] + recorded[1] + recorded[2] + recorded[3]; total != 1 {
			t.Errorf("four runners recorded the occasion %d times, want once", total)
		}
		late := due
		late.Kind, late.Key, late.Title = "task_overdue", "task-overdue:1:2023-05-01", "Nhiệm vụ quá hạn"
		if ns, err := s.Notify(ctx, []congtac.Notification{due, late}, false); err != nil || len(ns) != 1 || ns[0].Key != late.Key {
			t.Errorf("the second run recorded %+v, %v; want the new occasion only", ns, err)
		}
		list, unread, err := s.FindNotifications(ctx, f.reporterA.UserID, false, 10)
		if err != nil || len(list) != 2 || unread != 2 || list[0].Key != late.Key {
			t.Fatalf("notifications %+v, %d unread, %v", list, unread, err)
		}
		if n, err := s.MarkNotificationsRead(ctx, f.drafter, []int64{list[0].ID}); err != nil || n != 0 {
			t.Errorf("another user marked %d read, %v", n, err)
		}
		if n, err := s.MarkNotificationsRead(ctx, f.reporterA, []int64{list[0].ID}); err != nil || n != 1 {
			t.Errorf("marked %d read, %v", n, err)
		}
		if n, _ := s.UnreadCount(ctx, f.reporterA.UserID); n != 1 {
			t.Errorf("%d unread, want 1", n)
		}
		if n, err := s.MarkNotificationsRead(ctx, f.reporterA, nil); err != nil || n != 1 {
			t.Errorf("marked all: %d, %v", n, err)
		}
		if unreadOnly, _, _ := s.FindNotifications(ctx, f.reporterA.UserID, true, 10); len(unreadOnly) != 0 {
			t.Errorf("unread after marking all: %+v", unreadOnly)
		}
	})
}

// TestNotificationsAreForgottenAfterNinetyDays: the notifications recorded more than 90
// days ago go, read or not; the newer stay.
func TestNotificationsAreForgottenAfterNinetyDays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		day := congtac.MustDate(2023, 4, 3)
		s.SetClock(func() time.Time { return day.In(congtac.Location(), 9, 0) })
		old := congtac.Notification{UserID: f.reporterA.UserID, Kind: "task_due", Key: "task-due:1:2023-04-03", Title: "Đến hạn hôm nay"}
		if _, err := s.Notify(ctx, []congtac.Notification{old}, false); err != nil {
			t.Fatal(err)
		}
		day = day.AddDays(91)
		recent := old
		recent.Key = "task-due:2:2023-07-03"
		if _, err := s.Notify(ctx, []congtac.Notification{recent}, false); err != nil {
			t.Fatal(err)
		}
		if n, err := s.ForgetNotifications(ctx); err != nil || n != 1 {
			t.Fatalf("forgot %d, %v; want the one of 91 days ago", n, err)
		}
		list, _, err := s.FindNotifications(ctx, f.reporterA.UserID, false, 10)
		if err != nil || len(list) != 1 || list[0].Key != recent.Key {
			t.Errorf("kept %+v, %v; want the recent one", list, err)
		}
		if n, err := s.ForgetNotifications(ctx); err != nil || n != 0 {
			t.Errorf("forgot %d again, %v", n, err)
		}
	})
}
