package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
)

// TestReindexRebuildsTheSearchIndex: a calendar entry whose search column was lost is not
// found; "congtac reindex" makes the column again, counts it, and the entry is found; a
// second run changes nothing.
func TestReindexRebuildsTheSearchIndex(t *testing.T) {
	ctx := context.Background()
	env := safeEnv(t)
	st := openStore(t, env["CONGTAC_DB"])
	if _, err := demo.Seed(ctx, st, clocktest.Today()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", env["CONGTAC_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "UPDATE engagements SET search = '' WHERE title LIKE 'Kiểm tra tiến độ dự án%'"); err != nil {
		t.Fatal(err)
	}
	// Written outside the store, the change reaches the word index with the store's next
	// write, which settles what the triggers queued (fts_pending).
	if _, err := st.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Lê Văn Tâm", OrgID: 1}); err != nil {
		t.Fatal(err)
	}
	found := func() int {
		t.Helper()
		f := congtac.SearchFilter{Query: "kiem tra tien do du an", Kind: congtac.SearchCalendar, Limit: 10,
			Reaches: map[congtac.SearchKind]congtac.SearchReach{congtac.SearchCalendar: {}}}
		groups, err := st.Search(ctx, f)
		if err != nil || len(groups) != 1 {
			t.Fatalf("search: %v, %v", groups, err)
		}
		return groups[0].Count
	}
	if n := found(); n != 0 {
		t.Fatalf("before reindex: %d found, want 0", n)
	}
	reindex := func() string {
		t.Helper()
		c, out, errb := newCLI(env, "")
		if code := c.run(t.Context(), []string{"reindex"}); code != exitOK {
			t.Fatalf("reindex = %d\n%s", code, errb)
		}
		return out.String()
	}
	if out := reindex(); !strings.Contains(out, "engagements: 1\n") || !strings.Contains(out, "tasks: 0\n") ||
		!strings.Contains(out, "1 bản ghi thay đổi") {
		t.Errorf("reindex printed:\n%s", out)
	}
	if n := found(); n != 1 {
		t.Errorf("after reindex: %d found, want 1", n)
	}
	if out := reindex(); !strings.Contains(out, "0 bản ghi thay đổi") {
		t.Errorf("second reindex printed:\n%s", out)
	}
}
