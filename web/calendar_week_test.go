package web

import (
	"net/http"
	"slices"
	"testing"

	"congtac"
	"congtac/store"
)

func TestCalendarWeekChoiceLabel(t *testing.T) {
	for _, c := range []struct {
		week congtac.Period
		want string
	}{
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 50}, "Tuần 50 (07/12–13/12/2026)"},
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 1}, "Tuần 1 (29/12/2025–04/01/2026)"},
	} {
		if got := weekChoiceLabel(c.week); got != c.want {
			t.Errorf("weekChoiceLabel(%s) = %q, want %q", c.week.Key(), got, c.want)
		}
	}
}

// TestCalendarWeekPicker checks that the calendar's week is picked from weeks named as
// people say them, posted with their keys.
func TestCalendarWeekPicker(t *testing.T) {
	s, _, _ := demoServer(t, store.SQLite)
	srv := startServer(t, s)
	c := as(t, s, srv, "phongbaocao")
	week := congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 50}
	r := c.get("/calendar?week=2026-W50")
	wantStatus(t, "week 50", r, http.StatusOK)
	doc := html(t, r.body)
	if got := texts(doc, "select#c-week option[selected]"); !slices.Equal(got, []string{"Tuần 50 (07/12–13/12/2026)"}) {
		t.Errorf("selected week %q", got)
	}
	if got, _ := doc.Find(`select#c-week option[selected]`).Attr("value"); got != "2026-W50" {
		t.Errorf("selected value %q, want 2026-W50", got)
	}
	if got := doc.Find("select#c-week option").Length(); got != 2*weekSpan+1 {
		t.Errorf("%d weeks offered, want %d", got, 2*weekSpan+1)
	}
	if got := texts(doc, `label[for="c-week"]`); !slices.Equal(got, []string{"Tuần"}) {
		t.Errorf("label %q", got)
	}
	assertContains(t, r.body, `<option value="`+week.Next().Key()+`">Tuần 51 (14/12–20/12/2026)</option>`)
	assertLacks(t, r.body, `type="week"`, "năm-W-số tuần")
	r = c.get("/calendar?week=48")
	wantStatus(t, "bad week", r, http.StatusUnprocessableEntity)
	if got := html(t, r.body).Find("select#c-week option").Length(); got != 2*weekSpan+1 {
		t.Errorf("bad week: %d weeks offered, want %d", got, 2*weekSpan+1)
	}
}
