package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

// searchCounts returns the count of each group of a search page, by title.
func searchCounts(t *testing.T, body string) map[string]string {
	t.Helper()
	out := map[string]string{}
	html(t, body).Find("section.results h2").Each(func(_ int, h *goquerySelection) {
		count := h.Find(".count").Text()
		out[strings.TrimSpace(strings.TrimSuffix(h.Text(), count))] = strings.Trim(count, "()")
	})
	return out
}

func TestSearchWithoutDiacriticsWithinReach(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			_, roads, err := st.FindTasks(ctxb, congtac.TaskFilter{Query: "đường giao thông"})
			if err != nil || roads == 0 {
				t.Fatalf("demo road tasks: %d, %v", roads, err)
			}
			month, quarterly := lastMonth(), quarterlyMonth(demoMonth(t, st))
			if month.Number == 2 { // words match by prefix: "thang 2 nam 2027" finds "tháng 1 năm 2027" too
				month = month.Prev()
			}
			tests := []struct {
				login, q string
				counts   map[string]string
				results  []string
			}{
				{"vanphong", "duong giao thong", map[string]string{"Nhiệm vụ": strconv.Itoa(roads), "Chương trình công tác": "0"},
					[]string{"giải phóng mặt bằng dự án đường giao thông"}},
				{"phongbaocao", "duong giao thong", map[string]string{"Nhiệm vụ": "0"}, nil},
				{"vanphong", "TAI CHINH", map[string]string{"Cơ quan, đơn vị": "1"}, []string{"Sở Tài chính"}},
				{"xabaocao", "tai chinh", map[string]string{"Cơ quan, đơn vị": "0"}, nil},
				{"xem", fmt.Sprintf("thuong ky thang %d nam %d", month.Number, month.Year), map[string]string{"Hội nghị, cuộc họp": "1"},
					[]string{"Phiên họp UBND tỉnh thường kỳ " + month.String()}},
				{"xem", "mai", map[string]string{"Cán bộ": "1"}, []string{"Ngô Thị Mai"}},
				{"phongbaocao", fmt.Sprintf("cong tac thang %d quy %s nam %d", quarterly.Number, strings.ToLower(congtac.Roman(quarterly.Number/3+1)), quarterly.Year),
					map[string]string{"Chương trình công tác": "1"}, []string{demoTitle(quarterly)}},
			}
			for _, tt := range tests {
				r := as(t, s, srv, tt.login).get("/search?q=" + url.QueryEscape(tt.q))
				wantStatus(t, tt.q, r, http.StatusOK)
				counts := searchCounts(t, r.body)
				for group, want := range tt.counts {
					if counts[group] != want {
						t.Errorf("%s %q: %s = %s, want %s", tt.login, tt.q, group, counts[group], want)
					}
				}
				assertContains(t, strings.Join(texts(html(t, r.body), "section.results li"), " | "), tt.results...)
			}
			r := as(t, s, srv, "xem").get("/search")
			wantStatus(t, "empty search", r, http.StatusOK)
			assertLacks(t, r.body, "section class=\"results\"", "Tìm thấy")
		})
	}
}
