package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// TestSearchIndexesAreSettledWithTheirTransaction writes the demo (programs written row
// by row, amended, reported, deleted) and expects every SQLite search index to match its
// table with nothing left queued; a change queued outside a transaction is reported until
// the next write settles it, and an index that lost a row is reported too.
func TestSearchIndexesAreSettledWithTheirTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Seed(ctx, s, clocktest.Today()); err != nil {
			t.Fatal(err)
		}
		if problems, err := s.CheckIntegrity(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("after the demo: %q, %v; want nothing wrong", problems, err)
		}
		if s.Engine() != store.SQLite {
			return
		}
		// Outside a transaction of the store the change stays queued, and the index
		// differs from its table...
		if err := s.Exec(ctx, "UPDATE orgs SET search = ' so khoa hoc va cong nghe zqxw' WHERE id = (SELECT min(id) FROM orgs)"); err != nil {
			t.Fatal(err)
		}
		problems, err := s.CheckIntegrity(ctx)
		if joined := strings.Join(problems, "\n"); err != nil || len(problems) != 2 ||
			!strings.Contains(joined, "orgs_words: ") || !strings.Contains(joined, "fts_pending: 2 changes") {
			t.Errorf("a change left queued: %q, %v; want it reported", problems, err)
		}
		// ...until the next write settles it, and the search finds the new words.
		if _, err := s.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Trần Văn Zqxw", OrgID: 1}); err != nil {
			t.Fatal(err)
		}
		if problems, err := s.CheckIntegrity(ctx); err != nil || len(problems) > 0 {
			t.Errorf("after the next write: %q, %v; want nothing wrong", problems, err)
		}
		groups, err := s.Search(ctx, congtac.SearchFilter{Query: "zqxw", Limit: 5,
			Reaches: congtac.SearchReaches(congtac.Actor{Role: congtac.RoleAdmin})})
		if err != nil {
			t.Fatal(err)
		}
		found := map[congtac.SearchKind]int{}
		for _, g := range groups {
			found[g.Kind] = g.Count
		}
		if found[congtac.SearchOrg] != 1 || found[congtac.SearchPerson] != 1 {
			t.Errorf("zqxw found %v; want the org and the person", found)
		}
		// An index that lost a row no longer matches its table.
		if err := s.Exec(ctx, "INSERT INTO people_words (people_words, rowid, search) SELECT 'delete', id, search FROM people WHERE id = (SELECT max(id) FROM people)"); err != nil {
			t.Fatal(err)
		}
		problems, err = s.CheckIntegrity(ctx)
		if err != nil || len(problems) != 1 || !strings.HasPrefix(problems[0], "people_words: ") {
			t.Errorf("an index missing a row: %q, %v; want people_words reported", problems, err)
		}
	})
}
