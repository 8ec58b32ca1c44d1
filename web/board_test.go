package web

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/store"
)

// TestBoards: the demo's board of this month draws its chart and its trend, and every
// number it shows opens a task list that counts as many; the API gives the same counts,
// grouped by sector too; the board downloads as XLSX and PDF; a department's reporter sees
// its own tasks only; a period it cannot read is 422.
func TestBoards(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "cvp")
		r := c.get("/boards")
		wantStatus(t, "the board", r, http.StatusOK)
		doc := html(t, r.body)
		if doc.Find("svg.chart rect").Length() == 0 || doc.Find("table.board.trend tbody tr").Length() != trendMonths {
			t.Fatalf("the board has %d bars and %d months", doc.Find("svg.chart rect").Length(), doc.Find("table.board.trend tbody tr").Length())
		}
		total, _ := strconv.Atoi(doc.Find("ul.board-counts li strong").First().Text())
		if total == 0 {
			t.Fatal("the demo's month has no task on the board")
		}
		checked := 0
		doc.Find("table.board:not(.trend) tbody tr").EachWithBreak(func(i int, row *goquery.Selection) bool {
			row.Find("td a").Each(func(_ int, a *goquery.Selection) {
				href, _ := a.Attr("href")
				want, _ := strconv.Atoi(a.Text())
				list := c.get(href).body
				got := taskListMatched(t, list)
				if got != want {
					t.Errorf("%s: the board says %d, the list %d", href, want, got)
				}
				checked++
			})
			return i < 2
		})
		if checked == 0 {
			t.Fatal("no number of the board checked")
		}

		api := valid[apiBoard](t, s, bearerClient(t, st, srv, "cvp").call("GET", "/api/v1/boards?by=sector", ""), http.StatusOK, "Board")
		sum := 0
		for _, row := range api.Rows {
			sum += row.Counts.Total
		}
		explained, _, _ := st.FindExplanations(ctxb, congtac.ExplanationFilter{State: ptr(congtac.ExplanationOverdue), AsOf: demoToday})
		if api.Explanations.Overdue != len(explained) || len(explained) == 0 {
			t.Errorf("the board counts %d explanations overdue, the demo has %d", api.Explanations.Overdue, len(explained))
		}
		if api.Total.Total != total || sum != total || api.By != "sector" || len(api.Trend) != trendMonths {
			t.Errorf("API board: total %d (page %d), rows sum %d, by %s, %d months", api.Total.Total, total, sum, api.By, len(api.Trend))
		}

		x := c.get("/boards/files/bang-theo-doi.xlsx")
		if x.status != http.StatusOK || x.header.Get("Content-Type") != ctypeXLSX {
			t.Fatalf("xlsx: %d %s", x.status, x.header.Get("Content-Type"))
		}
		f, err := excelize.OpenReader(strings.NewReader(x.body))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Theo cơ quan chủ trì")
		months, _ := f.GetRows("Theo tháng")
		if len(rows) != doc.Find("table.board:not(.trend) tbody tr").Length()+2 || rows[len(rows)-1][2] != strconv.Itoa(total) || len(months) != trendMonths+1 {
			t.Errorf("xlsx: %d rows (last %q), %d months", len(rows), rows[len(rows)-1], len(months))
		}
		p := c.get("/boards/files/bang-theo-doi.pdf")
		if p.status != http.StatusOK || p.header.Get("Content-Type") != ctypePDF {
			t.Fatalf("pdf: %d %s", p.status, p.header.Get("Content-Type"))
		}
		assertContains(t, strings.Join(strings.Fields(pdfText(t, []byte(p.body))), " "), "BẢNG THEO DÕI TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", "II. THEO THÁNG")

		unit := valid[apiBoard](t, s, bearerClient(t, st, srv, "phongbaocao").call("GET", "/api/v1/boards", ""), http.StatusOK, "Board")
		if unit.Total.Total == 0 || unit.Total.Total >= total {
			t.Errorf("a department's board counts %d of the committee's %d", unit.Total.Total, total)
		}
		wantStatus(t, "a period not understood", c.get("/boards?period=mua+thu"), http.StatusUnprocessableEntity)
	})
}

// taskListMatched returns the number of tasks a task list page says match its filters.
func taskListMatched(t *testing.T, page string) int {
	t.Helper()
	text := html(t, page).Find("p.summary").Text()
	n, err := strconv.Atoi(strings.Fields(text + " x")[0])
	if err != nil {
		if strings.Contains(page, "Không có nhiệm vụ nào phù hợp.") {
			return 0
		}
		t.Fatalf("task list summary %q", text)
	}
	return n
}
