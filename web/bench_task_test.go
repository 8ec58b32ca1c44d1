package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// BenchmarkTaskCreate adds one task per iteration to a 400-task draft of the demo committee
// (100 items of four tasks), the way a drafter does: the editor's form post
// (POST /items/{id}/tasks, answered with a redirect to the editor) and the API
// (POST /api/v1/items/{id}/tasks, answered with the task). The draft grows by one task per
// iteration.
//
//	go test -run '^$' -bench TaskCreate -benchtime 200x ./web
func BenchmarkTaskCreate(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := newDemo(b, e)
			p := benchDraft400(b, st)
			s, _ := newTestServer(b, st)
			cookie := mintSession(b, s, "vanphong")
			item := p.Items[len(p.Items)-1].ID
			b.Run("form", func(b *testing.B) {
				form := url.Values{"program": {idText(p.ID)}, "text": {"Rà soát, báo cáo kết quả giải phóng mặt bằng"},
					"lead": {"5"}, "support": {"6"}, "due": {"chậm nhất trong tháng 1/2030"}}.Encode()
				benchPost(b, s, cookie, fmt.Sprintf("/items/%d/tasks", item), "application/x-www-form-urlencoded",
					form, http.StatusSeeOther)
			})
			b.Run("api", func(b *testing.B) {
				body := `{"text": "Rà soát, báo cáo kết quả giải phóng mặt bằng", "lead": 5, "support": [6],
					"due": {"text": "chậm nhất trong tháng 1/2030"}}`
				benchPost(b, s, cookie, fmt.Sprintf("/api/v1/items/%d/tasks", item), "application/json",
					body, http.StatusCreated)
			})
		})
	}
}

// benchDraft400 creates a draft of January 2030 of the demo committee with 100 items of four
// tasks, each with a lead, a support org, a leader and a deadline.
func benchDraft400(b *testing.B, st *store.Store) congtac.Program {
	p := congtac.Program{OrgID: 1, Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2030, Number: 1},
		Title: "Công tác tháng 1 năm 2030", Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}}}
	for i := range 100 {
		id := int64(10 + i)
		p.Items = append(p.Items, congtac.Item{ID: id, ParentID: 1, Position: i,
			Text: fmt.Sprintf("Chỉ đạo thực hiện nhiệm vụ số %d trên địa bàn tỉnh.", i+1)})
		for k := range 4 {
			p.Tasks = append(p.Tasks, congtac.Task{ItemID: id, Position: k, Text: fmt.Sprintf("Nhiệm vụ %d.%d: rà soát, báo cáo kết quả", i+1, k+1),
				Lead: int64(3 + (i+k)%20), Support: []congtac.Support{{OrgID: int64(24 + k)}},
				LeaderID: 1, Due: congtac.DueInMonth(2030, 1), Sector: congtac.SectorEconomy})
		}
	}
	created, err := st.CreateProgram(ctxb, congtac.System, p)
	if err != nil {
		b.Fatal(err)
	}
	return created
}

// benchPost posts body to path with the session cookie in a loop and reports the median and
// 99th percentile besides ns/op.
func benchPost(b *testing.B, s *Server, cookie *http.Cookie, path, contentType, body string, want int) {
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			b.Fatalf("POST %s: status %d, want %d\n%s", path, rec.Code, want, rec.Body)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
