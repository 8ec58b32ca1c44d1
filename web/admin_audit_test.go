package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

func TestAuditPageFilters(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			admin := as(t, s, srv, "admin")
			finance := orgByShort(t, st, "STC")

			r := admin.get(fmt.Sprintf("/admin/audit?entity=org&entity_id=%d", finance.ID))
			mustStatus(t, "audit of one org", r, http.StatusOK)
			assertContains(t, r.body, "1 thao tác khớp bộ lọc", fmt.Sprintf("Cơ quan, đơn vị số %d", finance.ID),
				"Tạo mới", "Sở Tài chính", "<details>")

			drafter := userByLogin(t, st, "vanphong")
			_, total, err := st.FindAuditEvents(ctxb, congtac.System, congtac.AuditFilter{UserID: &drafter.ID})
			if err != nil || total == 0 {
				t.Fatalf("the drafter has %d events, %v", total, err)
			}
			r = admin.get(fmt.Sprintf("/admin/audit?user=%d", drafter.ID))
			assertContains(t, r.body, fmt.Sprintf("%d thao tác khớp bộ lọc", total), "Hoàng Văn Lợi")
			if total > auditPageSize {
				assertContains(t, r.body, `rel="next"`)
			}

			r = admin.get("/admin/audit?from=" + vn.ShortDate(demoToday.AddDays(1)) + "&to=" + vn.ShortDate(demoToday.AddDays(3)))
			assertContains(t, r.body, `<p class="summary">0 thao tác khớp bộ lọc`)
			r = admin.get("/admin/audit?from=" + vn.ShortDate(demoToday) + "&to=" + vn.ShortDate(demoToday))
			assertLacks(t, r.body, `<p class="summary">0 thao tác khớp bộ lọc`) // the demo publishes this week's calendar today
			r = admin.get("/admin/audit?from=32/11/2026")
			mustStatus(t, "a bad day", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, `value="32/11/2026"`, "không có trên lịch")
			mustStatus(t, "the audit log for a viewer", as(t, s, srv, "xem").get("/admin/audit"), http.StatusForbidden)
		})
	}
}

func TestAuditIsLimitedToTheOfficeHeadsSubtree(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			finance, committee := orgByShort(t, st, "STC"), orgByShort(t, st, "UBND")
			mustUser(t, st, "cvpso", congtac.RoleOfficeHead, finance.ID)
			s, _ := newTestServer(t, st)
			r := as(t, s, startServer(t, s), "cvpso").get("/admin/audit?entity=org")
			mustStatus(t, "audit for an office head of a department", r, http.StatusOK)
			assertContains(t, r.body, "1 thao tác khớp bộ lọc", fmt.Sprintf("Cơ quan, đơn vị số %d", finance.ID))
			assertLacks(t, r.body, fmt.Sprintf("Cơ quan, đơn vị số %d<", committee.ID))
		})
	}
}

func TestAuditCSVExport(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			r := as(t, s, startServer(t, s), "admin").get("/admin/audit.csv?entity=person")
			mustStatus(t, "CSV export", r, http.StatusOK)
			if got := r.header.Get("Content-Type"); got != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			if got, want := r.header.Get("Content-Disposition"), `attachment; filename="nhat-ky-thao-tac-`+demoToday.String()+`.csv"`; got != want {
				t.Errorf("Content-Disposition = %q, want %q", got, want)
			}
			body, ok := strings.CutPrefix(r.body, "\uFEFF")
			if !ok {
				t.Fatal("the CSV has no byte order mark")
			}
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatalf("the CSV does not parse: %v", err)
			}
			if len(rows) == 0 || !slices.Equal(rows[0], auditCSVHeader) {
				t.Fatalf("header = %v, want %v", rows[0], auditCSVHeader)
			}
			_, total, _ := st.FindAuditEvents(ctxb, congtac.System, congtac.AuditFilter{Entity: "person"})
			if len(rows)-1 != total || total == 0 {
				t.Errorf("%d data rows, want %d", len(rows)-1, total)
			}
			found := false
			for _, row := range rows[1:] {
				if row[3] != "Tạo mới" || row[5] != "Cán bộ" {
					t.Errorf("row %v: want the creation of a person", row)
				}
				found = found || strings.Contains(row[10], "Trần Quốc Hưng")
			}
			if !found {
				t.Error("no row holds the chairman's name as written")
			}
			mustStatus(t, "CSV with a bad day", as(t, s, startServer(t, s), "admin").get("/admin/audit.csv?to=x"),
				http.StatusUnprocessableEntity)
		})
	}
}

func TestNoRouteChangesTheAuditLog(t *testing.T) {
	s, _ := newTestServer(t, sharedDemo(t, storetest.Engines[0]))
	for _, rt := range s.routeTable() {
		if strings.Contains(rt.pattern, "audit") && rt.method != http.MethodGet {
			t.Errorf("%s %s changes the audit log", rt.method, rt.pattern)
		}
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+84": "'+84", "-x": "'-x", "@SUM": "'@SUM",
		"Trần": "Trần", "": "", "{\"a\":1}": "{\"a\":1}"} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 100000: "100.000", 1234567: "1.234.567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
