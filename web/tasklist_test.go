package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/store"
)

// TestAPITaskCursorPagesAsOffsetDoes pages through the task list by cursor and by offset,
// with and without a status filter: the same tasks in the same order, the last page
// without a next cursor. A bad cursor, or one with an offset, is 400.
func TestAPITaskCursorPagesAsOffsetDoes(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "cvp")
		for _, filter := range []string{"", "status=in_progress&", "status=done_on_time&"} {
			var byOffset, byCursor []int64
			for offset := 0; ; offset += 7 {
				page := getAs[apiTaskList](c, fmt.Sprintf("/api/v1/tasks?%slimit=7&offset=%d", filter, offset), http.StatusOK)
				for _, it := range page.Items {
					byOffset = append(byOffset, it.ID)
				}
				if len(page.Items) < 7 {
					break
				}
			}
			path := "/api/v1/tasks?" + filter + "limit=7"
			for pages := 0; ; pages++ {
				page := getAs[apiTaskList](c, path, http.StatusOK)
				for _, it := range page.Items {
					byCursor = append(byCursor, it.ID)
				}
				if page.NextCursor == nil {
					if len(byCursor) != page.Total {
						t.Errorf("%s: %d tasks by cursor, total %d", filter, len(byCursor), page.Total)
					}
					break
				}
				if pages > 100 {
					t.Fatalf("%s: more than 100 pages", filter)
				}
				path = "/api/v1/tasks?" + filter + "limit=7&cursor=" + *page.NextCursor
			}
			if len(byOffset) == 0 || !slices.Equal(byOffset, byCursor) {
				t.Errorf("%s: by offset %v, by cursor %v", filter, byOffset, byCursor)
			}
		}
		for _, path := range []string{"/api/v1/tasks?cursor=abc", "/api/v1/tasks?cursor=2026-13-01.5",
			"/api/v1/tasks?cursor=.0", "/api/v1/tasks?cursor=.5&offset=5"} {
			if e := apiErrorOf(t, c.call("GET", path, ""), http.StatusBadRequest, congtac.EINVALID); e.Fields["cursor"] == "" {
				t.Errorf("GET %s: fields %v, want cursor named", path, e.Fields)
			}
		}
	})
}

// TestTaskListSummaryCountsTheRowsItLists: with a status chosen, the summary above the list
// gives the number of tasks of that status, which the status's own count and the pages
// agree with, and the number of every status beside it.
func TestTaskListSummaryCountsTheRowsItLists(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "cvp")
		all := taskCounts(t, c.get("/tasks").body)
		total := 0
		for _, n := range all {
			total += n
		}
		for _, status := range congtac.Statuses {
			n := all[status.Label()]
			r := c.get("/tasks?status=" + string(status))
			wantStatus(t, "task list by status", r, http.StatusOK)
			if n == 0 {
				continue
			}
			want := fmt.Sprintf("%d nhiệm vụ phù hợp với bộ lọc, trong %d nhiệm vụ mọi trạng thái.", n, total)
			if n == total {
				want = fmt.Sprintf("%d nhiệm vụ phù hợp với bộ lọc.", n)
			}
			assertContains(t, r.body, want)
			rows := 0
			for page := 1; page <= (n+tasksPerPage-1)/tasksPerPage; page++ {
				doc := html(t, c.get(fmt.Sprintf("/tasks?status=%s&page=%d", status, page)).body)
				rows += doc.Find("table.tasks tbody tr").Length()
			}
			if rows != n {
				t.Errorf("%s: %d rows on the pages, %d counted", status, rows, n)
			}
		}
	})
}

// TestTaskListPutsAttentionFirstAndDownloads: the demo's list opens on its most overdue
// task, overdue days decreasing down the overdue rows and done tasks after every open one;
// the list downloads as a spreadsheet with the same query, its rows the tasks the pages
// show, in the same order, with their days overdue.
func TestTaskListPutsAttentionFirstAndDownloads(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "cvp")
		doc := html(t, c.get("/tasks").body)
		assertContains(t, doc.Find("table.tasks thead").Text(), "Quá hạn (ngày)")
		late, closed := -1, false
		doc.Find("table.tasks tbody tr").Each(func(i int, row *goquery.Selection) {
			status := row.Find("td").Eq(3).Text()
			days, _ := strconv.Atoi(strings.TrimSpace(row.Find("td").Eq(4).Text()))
			switch {
			case status == congtac.StatusOverdue.Label():
				if i == 0 {
					late = days
				}
				if days > late || closed || days == 0 {
					t.Errorf("row %d: overdue %d days after %d (closed before: %v)", i+1, days, late, closed)
				}
				late = days
			case status == congtac.StatusDoneOnTime.Label() || status == congtac.StatusDoneLate.Label() || status == congtac.StatusCancelled.Label():
				closed = true
			case closed:
				t.Errorf("row %d: %s after a closed task", i+1, status)
			}
		})
		if late <= 0 {
			t.Fatal("the demo's list does not open on an overdue task")
		}

		overdue := "/tasks?status=" + string(congtac.StatusOverdue)
		page := html(t, c.get(overdue).body)
		link, _ := page.Find("p.downloads a").Attr("href")
		if link != "/tasks/files/nhiem-vu.xlsx?status=overdue" {
			t.Fatalf("download link %q", link)
		}
		r := c.get(link)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != ctypeXLSX {
			t.Fatalf("download: %d %s", r.status, r.header.Get("Content-Type"))
		}
		f, err := excelize.OpenReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Nhiệm vụ")
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		page.Find("table.tasks tbody tr td:first-child a").Each(func(_ int, a *goquery.Selection) { want = append(want, a.Text()) })
		matched := taskCounts(t, c.get("/tasks").body)[congtac.StatusOverdue.Label()]
		if len(rows)-2 != matched || len(want) == 0 { // under the title and the header rows
			t.Fatalf("the file has %d tasks, the list counts %d overdue", len(rows)-2, matched)
		}
		for i, text := range want {
			if rows[i+2][2] != text || rows[i+2][10] == "" {
				t.Errorf("file row %d: %q with %q days overdue, want %q as the page lists", i+1, rows[i+2][2], rows[i+2][10], text)
			}
		}
	})
}
