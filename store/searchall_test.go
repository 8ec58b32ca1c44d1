package store_test

import (
	"fmt"
	"strings"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// actorOf returns the actor of an account, with the path of its org.
func actorOf(t *testing.T, s *store.Store, login string) congtac.Actor {
	t.Helper()
	u, err := s.FindUserByLogin(ctx, login)
	if err != nil {
		t.Fatalf("account %s: %v", login, err)
	}
	path, err := s.OrgPath(ctx, u.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	return congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID, Path: path}
}

// searchQueries are the contract's queries: words with and without diacritics, prefixes,
// phrases, exclusions, symbols, names, places, and words that find nothing.
var searchQueries = []string{
	"duong giao thong", "đường giao thông", "ĐƯỜNG", "duong", "đường", "Dương", "duon", "đườn",
	"kiem tra", "kiểm tra tiến độ", "kiem tra tien do du an", "ke hoach", "kế hoạch", "ke hoa", "kế hoạ",
	"bao cao", "báo cáo tháng", "hoi nghi", "hội nghị thường kỳ", "phien hop", "giao ban",
	"chuong trinh cong tac", "chương trình công tác tháng", "CTr-UBND", "TB-UBND", "GM-UBND",
	"19-CT/TU", "2026", "2027", "tháng 12", `"giao thong"`, `"thong giao"`, `"ke hoach" -nam`,
	"giao thong -duong", "-duong giao", "tai chinh", "Sở Tài chính", "so tai", "UBND", "ubnd tinh",
	"Nguyễn", "nguyen van", "mai", "Ngô Thị Mai", "xa", "xã", "phuong", "van phong", "vệ sinh môi trường",
	"chuyen doi so", "chuyển đổi số", "thu ngan sach", "giai ngan", "dau tu cong", "an toan thuc pham",
	"phong chong", "k", "a", "zzzz", "qqq xyz", "kết luận", "tiếp công dân", "Thượng Đường",
}

// renderSearch renders a search's groups: kind, count, more, and the ranked titles.
func renderSearch(groups []congtac.SearchGroup) string {
	var b strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&b, "%s %d %v:", g.Kind, g.Count, g.More)
		for _, h := range g.Hits {
			fmt.Fprintf(&b, " [%d %s %s]", h.Rank, h.Day, h.Title)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestSearchIsTheSameOnBothEngines runs the contract's queries on the demo data of each
// engine, as the office and as a unit, every kind and one kind at a time, and expects the
// same groups, counts and hits in the same order.
func TestSearchIsTheSameOnBothEngines(t *testing.T) {
	if len(searchQueries) < 50 {
		t.Fatalf("%d queries, want 50 or more", len(searchQueries))
	}
	results := map[store.Engine]map[string]string{}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Seed(ctx, s, clocktest.Today()); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, login := range []string{"vanphong", "phongbaocao"} {
			a := actorOf(t, s, login)
			for _, q := range searchQueries {
				f := congtac.SearchFilter{Query: q, Limit: 8, AsOf: clocktest.Today(), Reaches: congtac.SearchReaches(a)}
				groups, err := s.Search(ctx, f)
				if err != nil {
					t.Fatalf("%s %q: %v", login, q, err)
				}
				out[login+" "+q] = renderSearch(groups)
				f.Kind, f.Limit, f.Offset = congtac.SearchTask, 5, 3
				groups, err = s.Search(ctx, f)
				if err != nil {
					t.Fatalf("%s %q tasks: %v", login, q, err)
				}
				out[login+" "+q+" tasks"] = renderSearch(groups)
			}
		}
		results[s.Engine()] = out
		if got := out["vanphong kiem tra tien do du an"]; !strings.Contains(got, "calendar") ||
			!strings.Contains(got, "Kiểm tra tiến độ dự án đường giao thông") {
			t.Errorf("the calendar entry is not found:\n%s", got)
		}
	})
	sqlite, pg := results[store.SQLite], results[store.Postgres]
	if sqlite == nil || pg == nil {
		return
	}
	for k, want := range sqlite {
		if pg[k] != want {
			t.Errorf("%s:\nSQLite:\n%s\nPostgreSQL:\n%s", k, want, pg[k])
		}
	}
}

// TestSearchPagesAreSlicesOfTheWholeRanking checks the reading of texts only where the
// order needs them: a page of each kind, at any offset, is the slice of that kind's whole
// ranked window; and on PostgreSQL every first walk (which chooses between walking the
// table and looking up the word index) gives the same results.
func TestSearchPagesAreSlicesOfTheWholeRanking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Seed(ctx, s, clocktest.Today()); err != nil {
			t.Fatal(err)
		}
		a := actorOf(t, s, "vanphong")
		search := func(f congtac.SearchFilter) []congtac.SearchGroup {
			t.Helper()
			f.AsOf, f.Reaches = clocktest.Today(), congtac.SearchReaches(a)
			groups, err := s.Search(ctx, f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			return groups
		}
		ids := func(hits []congtac.SearchHit) string {
			var b strings.Builder
			for _, h := range hits {
				fmt.Fprintf(&b, "%d/%d ", h.ID, h.Rank)
			}
			return b.String()
		}
		whole := map[string]string{}
		queries := append([]string{"giao t", "kế h", "t -duong", "b c", "tiến đ"}, searchQueries...) // terms of one letter
		for _, q := range queries {
			for _, k := range congtac.SearchKinds {
				all := search(congtac.SearchFilter{Query: q, Kind: k, Limit: congtac.SearchWindow})
				if len(all) == 0 {
					continue
				}
				hits := all[0].Hits
				whole[q+" "+string(k)] = ids(hits)
				for _, offset := range []int{0, 1, 5, 7} {
					page := search(congtac.SearchFilter{Query: q, Kind: k, Limit: 3, Offset: offset})
					want := hits[min(offset, len(hits)):min(offset+3, len(hits))]
					if got := ids(page[0].Hits); got != ids(want) {
						t.Errorf("%q %s from %d: %s, want %s", q, k, offset, got, ids(want))
					}
				}
			}
		}
		if s.Engine() != store.Postgres {
			return
		}
		for _, walk := range []int64{1, 2, 3, 20} {
			s.SetSearchWalk(walk)
			for _, q := range queries {
				for _, k := range congtac.SearchKinds {
					all := search(congtac.SearchFilter{Query: q, Kind: k, Limit: congtac.SearchWindow})
					if got := ids(all[0].Hits); got != whole[q+" "+string(k)] {
						t.Errorf("walk %d, %q %s: %s, want %s", walk, q, k, got, whole[q+" "+string(k)])
					}
				}
			}
		}
	})
}

// TestSearchOfANarrowReachReadsTheSameAsTheWordIndex runs the contract's queries as a
// unit and as a commune's reporter, every kind, through the reach's own rows and through
// the word index, and expects the same counts and hits.
func TestSearchOfANarrowReachReadsTheSameAsTheWordIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Seed(ctx, s, clocktest.Today()); err != nil {
			t.Fatal(err)
		}
		for _, login := range []string{"phongbaocao", "xabaocao"} {
			a := actorOf(t, s, login)
			search := func(narrow int, q string, k congtac.SearchKind) string {
				t.Helper()
				s.SetSearchNarrow(narrow)
				groups, err := s.Search(ctx, congtac.SearchFilter{Query: q, Kind: k, Limit: 20, AsOf: clocktest.Today(),
					Reaches: congtac.SearchReaches(a)})
				if err != nil {
					t.Fatalf("%s %q %s: %v", login, q, k, err)
				}
				return renderSearch(groups)
			}
			for _, q := range searchQueries {
				for _, k := range congtac.SearchKinds {
					if rows, words := search(1, q, k), search(0, q, k); rows != words {
						t.Errorf("%s %q %s:\nreach's rows:\n%s\nword index:\n%s", login, q, k, rows, words)
					}
				}
			}
		}
	})
}
