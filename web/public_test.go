package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac/store/storetest"
)

func TestPublicShowsOnlyWhatIsPublic(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			anon := newClient(t, srv)
			r := anon.get("/public")
			wantStatus(t, "public index", r, http.StatusOK)
			doc := html(t, r.body)
			want := []string{"Công tác của UBND tỉnh tháng 11 năm 2026", "Công tác của UBND tỉnh tháng 10 và Quý IV năm 2026",
				"Công tác của UBND tỉnh tháng 9 năm 2026"}
			if got := texts(doc, "table.programs tbody td:nth-child(3)"); !slices.Equal(got, want) {
				t.Errorf("public programs %q, want %q", got, want)
			}
			committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			calendar := fmt.Sprintf("/public/calendar?org=%d&week=2026-W48", committee.ID)
			if got, _ := doc.Find("#h-cal + ul a").Attr("href"); got != calendar {
				t.Errorf("public calendar link %q, want %q", got, calendar)
			}

			nov, aug, dec := demoProgram(t, st, 2026, 11), demoProgram(t, st, 2026, 8), demoProgram(t, st, 2026, 12)
			r = anon.get(fmt.Sprintf("/public/programs/%d", nov.ID))
			wantStatus(t, "a public program", r, http.StatusOK)
			assertContains(t, r.body, "CHƯƠNG TRÌNH", "Số: "+fmt.Sprintf("%02d/CTr-UBND", nov.Number), "Chủ trì: Sở Tài chính", "Nơi nhận:")
			assertLacks(t, r.body, "Đang thực hiện trong hạn", "Hoàn thành đúng hạn", `href="/tasks/`, "Hội nghị, cuộc họp trong kỳ")
			for _, p := range []string{fmt.Sprintf("/public/programs/%d", aug.ID), fmt.Sprintf("/public/programs/%d", dec.ID),
				"/public/programs/999999"} {
				wantStatus(t, "anonymous "+p, anon.get(p), http.StatusNotFound)
				wantStatus(t, "the office on "+p, as(t, s, srv, "vanphong").get(p), http.StatusNotFound)
			}

			for _, path := range []string{"/public/calendar", calendar} {
				r = anon.get(path)
				wantStatus(t, path, r, http.StatusOK)
				if got := calendarRows(t, r.body); !slices.Equal(got, thisWeek) {
					t.Errorf("%s:\n%s", path, strings.Join(got, "\n"))
				}
				assertContains(t, r.body, "Điều chỉnh lần 1")
				assertLacks(t, r.body, `rel="prev"`, `rel="next"`, `name="week"`)
			}
			stc := demoOrg(t, st, "Sở Tài chính")
			for _, q := range []string{"?week=2026-W49", "?week=2026-W47", "?week=W48", fmt.Sprintf("?org=%d", stc.ID), "?org=x"} {
				wantStatus(t, "public calendar "+q, anon.get("/public/calendar"+q), http.StatusNotFound)
			}
			for _, private := range []string{"/programs", "/calendar", "/tasks", "/reports", "/search", "/catalog", "/meetings"} {
				if r := anon.get(private); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/login") {
					t.Errorf("anonymous %s: %d to %q, want sign-in", private, r.status, r.location)
				}
			}
		})
	}
}
