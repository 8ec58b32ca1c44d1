package web

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac/store"
)

// TestEachRoleHasItsHome: on the demo, each role lands on its own panels; a panel's count
// is what its "see all" list counts (the unit's overdue tasks, the office's overdue tasks
// without a report), and a unit's task rows offer to report in one click.
//
// It seeds its own demo: on the shared one, the tests that report on overdue tasks leave
// the office's panel empty, depending on their order and the day.
func TestEachRoleHasItsHome(t *testing.T) {
	eachFreshDemo(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		for _, tt := range []struct {
			login  string
			panels []string
			check  string // the panel whose count its list must match
		}{
			{"phongbaocao", []string{"Nhiệm vụ quá hạn", "Đến hạn trong tuần này", "Báo cáo bị trả lại", "Phần việc phối hợp",
				"Yêu cầu giải trình", "Đề xuất đang chờ xử lý"}, "Nhiệm vụ quá hạn"},
			{"cvp", []string{"Báo cáo chờ tiếp nhận", "Nhiệm vụ quá hạn chưa có báo cáo", "Giải trình quá hạn", "Dự thảo đang soạn",
				"Hội nghị trong tuần còn thiếu tài liệu"}, "Nhiệm vụ quá hạn chưa có báo cáo"},
			{"chutich", []string{"Chương trình chờ duyệt", "Bảng theo dõi tháng này theo lĩnh vực",
				"Nhiệm vụ chậm tiến độ do đồng chí phụ trách", "Giải trình đã nhận"}, ""},
			{"admin", []string{"Tài khoản", "Đăng nhập không thành công trong 7 ngày", "Cần thiết lập",
				"Thư nhắc việc gửi không được"}, ""},
		} {
			c := as(t, s, srv, tt.login)
			doc := html(t, c.get("/").body)
			var got []string
			doc.Find("section.panel h2").Each(func(_ int, h *goquery.Selection) {
				got = append(got, strings.TrimSpace(h.Contents().First().Text()))
			})
			if strings.Join(got, "|") != strings.Join(tt.panels, "|") {
				t.Errorf("%s's panels: %q, want %q", tt.login, got, tt.panels)
			}
			if tt.check == "" {
				continue
			}
			panel := doc.Find("section.panel").FilterFunction(func(_ int, sec *goquery.Selection) bool {
				return strings.HasPrefix(strings.TrimSpace(sec.Find("h2").Text()), tt.check)
			})
			n, _ := strconv.Atoi(panel.Find("h2 .count").Text())
			t.Logf("%s: %q counts %d", tt.login, tt.check, n)
			if n == 0 {
				t.Errorf("%s: %q counts nothing on the demo", tt.login, tt.check)
				continue
			}
			href, ok := panel.Find("p a").Last().Attr("href")
			if !ok {
				t.Errorf("%s: %q counts %d with no link to its list", tt.login, tt.check, n)
			} else if got := taskListMatched(t, c.get(href).body); got != n {
				t.Errorf("%s: %q counts %d, its list %s %d", tt.login, tt.check, n, href, got)
			}
			if tt.login == "phongbaocao" {
				if a, ok := panel.Find("li a.button").First().Attr("href"); !ok || !strings.HasSuffix(a, "#h-form") {
					t.Errorf("the unit's overdue task offers no report in one click: %q", a)
				}
			}
		}
	})
}
