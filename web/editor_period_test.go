package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestProgramNewPicksThePeriodByName: the new program form asks for the kind of period,
// then the month, quarter, half or week by its name ("Tháng 12", "Quý IV"), and the year,
// not for a number in the year; the month after the committee's latest monthly program is
// chosen, and the other kinds' selects start from it.
func TestProgramNewPicksThePeriodByName(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	r := as(t, s, startServer(t, s), "vanphong").get("/programs/new")
	mustStatus(t, "new program form", r, http.StatusOK)
	assertLacks(t, r.body, "Số thứ tự trong năm", `name="number"`)
	doc := html(t, r.body)
	month := congtac.PeriodMonth
	latest, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: new(int64(1)), Kind: &month, Limit: 1})
	if err != nil || len(latest) == 0 {
		t.Fatalf("no monthly program: %v", err)
	}
	next := latest[0].Period.Next()
	quarter := congtac.PeriodOf(congtac.PeriodQuarter, next.Start())
	for sel, want := range map[string]string{
		`select[name="kind"] option[selected]`:            "Tháng",
		`select[name="number_month"] option[selected]`:    "Tháng " + strconv.Itoa(next.Number),
		`select[name="number_quarter"] option[selected]`:  "Quý " + congtac.Roman(quarter.Number),
		`select[name="number_half"] option`:               "6 tháng đầu năm6 tháng cuối năm",
		`select[name="number_quarter"] option:last-child`: "Quý IV",
		`select[name="number_week"] option:last-child`:    "Tuần 53",
		`input[name="year"]`:                              "",
	} {
		if got := doc.Find(sel).Text(); got != want {
			t.Errorf("%s reads %q, want %q", sel, got, want)
		}
	}
	if got := doc.Find(`select[name="number_month"] option`).Length(); got != 12 {
		t.Errorf("%d months offered, want 12", got)
	}
	if got := doc.Find(`input[name="year"]`).AttrOr("value", ""); got != strconv.Itoa(next.Year) {
		t.Errorf("year %q, want %d", got, next.Year)
	}
}

// TestProgramCreateFromThePeriodSelects: the form's choice of the kind's select drafts the
// program of that period; a number posted as number (as scripts do) still wins; a quarter
// that does not exist comes back by the quarter's select.
func TestProgramCreateFromThePeriodSelects(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			office := as(t, s, startServer(t, s), "vanphong")
			year := strconv.Itoa(demoToday.Year + 1)
			form := url.Values{"org": {"1"}, "kind": {"quarter"}, "year": {year}, "number_month": {"1"},
				"number_quarter": {"3"}, "number_half": {"1"}, "number_week": {"1"}}
			r := office.post("/programs", form)
			if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit") {
				t.Fatalf("create = %d to %q:\n%s", r.status, r.location, mainExcerpt(r.body))
			}
			q3 := congtac.Period{Kind: congtac.PeriodQuarter, Year: demoToday.Year + 1, Number: 3}
			if p := findProgramOf(t, st, q3); p.Period != q3 {
				t.Errorf("drafted %v, want %v", p.Period, q3)
			}
			form.Set("number", "2")
			r = office.post("/programs", form)
			mustStatus(t, "a script's number", r, http.StatusSeeOther)
			findProgramOf(t, st, congtac.Period{Kind: congtac.PeriodQuarter, Year: demoToday.Year + 1, Number: 2})

			form.Del("number")
			form.Set("number_quarter", "5")
			r = office.post("/programs", form)
			mustStatus(t, "a fifth quarter", r, http.StatusUnprocessableEntity)
			doc := html(t, r.body)
			if doc.Find(`select[name="number_quarter"][aria-invalid="true"]`).Length() != 1 || doc.Find("#loi-n-number_quarter").Text() == "" {
				t.Errorf("the message is not by the quarter's select:\n%s", mainExcerpt(r.body))
			}
			if got := doc.Find(`select[name="kind"] option[selected]`).Text(); got != "Quý" {
				t.Errorf("the kind came back as %q, want Quý", got)
			}
		})
	}
}

// TestBrowserProgramNewShowsTheKindsSelect: in Chromium, the new program form shows only
// the select of the kind chosen, without JavaScript's help, and drafts the quarter chosen.
func TestBrowserProgramNewShowsTheKindsSelect(t *testing.T) {
	ctx := browser(t)
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	b := &browserSession{t: t, ctx: ctx, base: startServer(t, s).URL}
	b.signInAs("vanphong")
	b.do("open the form", chromedp.Navigate(b.base+"/programs/new"), chromedp.WaitVisible(chromedp.CSS(`#n-number_month`)))
	shown := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('select.period-number'))
			.filter(e => e.offsetParent !== null).map(e => e.name).join(',')`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := shown(); got != "number_month" {
		t.Errorf("with a month chosen the form shows %q", got)
	}
	year := strconv.Itoa(demoToday.Year + 1)
	b.do("choose a quarter", chromedp.SetValue(chromedp.CSS(`#n-kind`), "quarter"))
	if got := shown(); got != "number_quarter" {
		t.Errorf("with a quarter chosen the form shows %q", got)
	}
	b.do("choose the year", chromedp.SetValue(chromedp.CSS(`#n-kind`), "year"))
	if got := shown(); got != "" {
		t.Errorf("with a year chosen the form shows %q", got)
	}
	b.screenshot("program-new-period.png", `form[action="/programs"]`)
	b.do("choose Quý IV", chromedp.SetValue(chromedp.CSS(`#n-kind`), "quarter"),
		chromedp.SetValue(chromedp.CSS(`#n-number_quarter`), "4"), chromedp.SetValue(chromedp.CSS(`#n-year`), year))
	msg := b.act("create", chromedp.Click(chromedp.CSS(`form[action="/programs"] button`)))
	want := fmt.Sprintf("quý IV năm %s", year)
	if !strings.Contains(msg, want) {
		t.Errorf("after creating: %q, want %q", msg, want)
	}
}
