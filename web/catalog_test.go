package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac/store/storetest"
	"congtac/vn"
)

func TestCatalogTreeAndPeople(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			r := as(t, s, srv, "vanphong").get("/catalog")
			wantStatus(t, "catalog", r, http.StatusOK)
			doc := html(t, r.body)
			roots := doc.Find("section > ul.tree > li")
			if roots.Length() != 1 || roots.ChildrenFiltered(".org-name").Text() != "Ủy ban nhân dân tỉnh Sơn Hà" {
				t.Fatalf("roots %q, want the committee alone", texts(doc, "section > ul.tree > li > .org-name"))
			}
			units := texts(doc, "section > ul.tree > li > ul.tree > li > .org-name")
			if len(units) != 39 || units[0] != "Văn phòng UBND tỉnh" || !slices.Contains(units, "Xã Tân Phước") ||
				!slices.Contains(units, "Ủy ban nhân dân xã Đông Sơn") {
				t.Errorf("%d orgs under the committee, want 39 (the commune committee too) with the office first: %q", len(units), units)
			}
			stc := doc.Find(fmt.Sprintf("#org-%d", demoOrg(t, st, "Sở Tài chính").ID))
			if got := strings.Join(strings.Fields(stc.Text()), " "); got != "Sở Tài chính (STC) Cơ quan chuyên môn" {
				t.Errorf("Sở Tài chính shows %q", got)
			}
			names := texts(doc, "table.people tbody th")
			sorted := slices.Clone(names)
			vn.SortPeople(sorted)
			if !slices.Equal(names, sorted) || len(names) != 13 {
				t.Errorf("people %q, want the 13 of the demo (2 of the commune) sorted by given name", names)
			}
			if i, j := slices.Index(names, "Phạm Văn Cường"), slices.Index(names, "Lê Minh Đức"); i < 0 || j < 0 || i > j {
				t.Errorf("Cường at %d, Đức at %d: given names first", i, j)
			}
			lê := doc.Find("tr:has(th:contains('Lê Minh Đức')) td").First().Text()
			if lê != "Phó Chủ tịch Thường trực, Ủy ban nhân dân tỉnh Sơn Hà" {
				t.Errorf("Lê Minh Đức's post %q", lê)
			}

			r = as(t, s, srv, "phongbaocao").get("/catalog")
			doc = html(t, r.body)
			if got := texts(doc, ".tree .org-name"); !slices.Equal(got, []string{"Ủy ban nhân dân tỉnh Sơn Hà", "Sở Tài chính"}) {
				t.Errorf("a reporter's catalog shows orgs %q, want its committee and its department", got)
			}
			if got := texts(doc, "table.people tbody th"); slices.Contains(got, "Đặng Văn Phương") || !slices.Contains(got, "Ngô Thị Mai") {
				t.Errorf("a reporter's catalog shows people %q", got)
			}
		})
	}
}
