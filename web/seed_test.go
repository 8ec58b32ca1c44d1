package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestSeedProgramPrintsAsWritten enters the seed — the April 2023 work program of UBND
// huyện Lục Ngạn (../shared/seeds/) — through the API into a new committee, and checks
// that the draft's PDF (pdftotext) and DOCX (its text) say the words of the seed as
// repaired (testdata/seed-luc-ngan.txt), word for word, apart from the blank number and
// date. Part A is prose; its deadlines, target and sources are tracked as tasks that do
// not print. Part B's preparing units are tasks printed inline, as the seed prints them.
func TestSeedProgramPrintsAsWritten(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "seed-luc-ngan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := string(fixture)
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			c, id := enterSeed(t, e, want)
			pdf := c.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", id), "")
			docx := c.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", id), "")
			if pdf.status != http.StatusOK || docx.status != http.StatusOK {
				t.Fatalf("files: pdf %d, docx %d", pdf.status, docx.status)
			}
			checkWords(t, "PDF", withoutPageMarks(pdfText(t, []byte(pdf.body))), want)
			checkWords(t, "DOCX", docxText(t, []byte(docx.body)), want)
		})
	}
}

// seedOrg is an org of Lục Ngạn district as the test enters it.
type seedOrg struct {
	kind, name, short, display string
}

// seedWorld is the seed's committee entered through the API: the administrator's client
// and the IDs of the committee and its orgs.
type seedWorld struct {
	c                                                             *apiClient
	s                                                             *Server
	st                                                            *store.Store
	committee, office, finance, infra, farming, home, environment int64
}

// enterSeedOrgs creates the seed's committee, its office and departments through the API
// as an administrator.
func enterSeedOrgs(t *testing.T, e store.Engine) seedWorld {
	t.Helper()
	st := storetest.Open(t, e)
	province, err := st.CreateOrg(ctxb, congtac.System, congtac.Org{Kind: congtac.OrgCommittee,
		Name: "Ủy ban nhân dân tỉnh Bắc Giang", ShortName: "UBND", ValidFrom: congtac.MustDate(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	mustUser(t, st, "quantri", congtac.RoleAdmin, province.ID)
	// The new committee's masthead and place come from its own name: nothing to set.
	s, _ := newTestServer(t, st)
	w := seedWorld{c: bearerClient(t, st, startServer(t, s), "quantri"), s: s, st: st}
	w.committee = createOrg(t, w.c, province.ID, seedOrg{"committee", "Ủy ban nhân dân huyện Lục Ngạn", "UBND", ""})
	org := func(o seedOrg) int64 { return createOrg(t, w.c, w.committee, o) }
	w.office = org(seedOrg{"office", "Văn phòng HĐND và UBND huyện", "VP", ""})
	w.finance = org(seedOrg{"department", "Phòng Tài chính - Kế hoạch", "TCKH", "Phòng Tài chính - KH"})
	w.infra = org(seedOrg{"department", "Phòng Kinh tế và Hạ tầng", "KTHT", ""})
	w.farming = org(seedOrg{"department", "Phòng Nông nghiệp và Phát triển nông thôn", "NNPTNT", "Phòng Nông nghiệp và PTNT"})
	w.home = org(seedOrg{"department", "Phòng Nội vụ", "NV", ""})
	w.environment = org(seedOrg{"department", "Phòng Tài nguyên và Môi trường", "TNMT", ""})
	return w
}

// enterSeed creates the committee, its office and departments, and the seed's April
// program through the API as an administrator, and returns the client and the program.
func enterSeed(t *testing.T, e store.Engine, fixture string) (*apiClient, int64) {
	t.Helper()
	w := enterSeedOrgs(t, e)
	c, committee, office, finance, infra, farming, home, environment := w.c, w.committee, w.office, w.finance,
		w.infra, w.farming, w.home, w.environment

	p := decodeAs[apiProgramDetail](t, c.call("POST", "/api/v1/programs",
		fmt.Sprintf(`{"org_id": %d, "period": "2023-04"}`, committee)), http.StatusCreated)
	for _, it := range p.Items { // the standard parts of a first draft: the seed brings its own
		if it.ParentID == nil {
			expect(t, c.call("DELETE", fmt.Sprintf("/api/v1/items/%d?version=%d", it.ID, it.Version), ""), http.StatusNoContent)
		}
	}
	expect(t, c.call("PATCH", fmt.Sprintf("/api/v1/programs/%d", p.ID), jsonOf(map[string]any{
		"version": p.Version, "title": "Công tác của UBND huyện tháng 4 năm 2023", "also": []string{"2023-Q2"},
		"place":     "Lục Ngạn",
		"signature": map[string]any{"lines": []string{"TL. CHỦ TỊCH"}, "title": "Chánh Văn phòng", "name": "Vương Mạnh Chung"},
		"recipients": []string{"Văn phòng UBND tỉnh:", "+ Phòng Tổng hợp;", "+ Phòng KG-VX;",
			"TT Huyện ủy, TT HĐND huyện;", "Chủ tịch, các PCT UBND huyện;", "Các CQ thuộc HU, HĐND huyện;",
			"UB MTTQ và các đoàn thể huyện;", "Các CQĐV thuộc UBND huyện;", "Các CQĐV trên địa bàn huyện;",
			"UBND các xã, thị trấn;", "LĐVP, CVTH;", "Lưu: VT."},
	})), http.StatusOK)

	take := prose(t, fixture)
	item := func(parent int64, style, heading, text string) int64 {
		body := map[string]any{"parent_id": parent, "style": style, "heading": heading, "text": text}
		return decodeAs[apiItem](t, c.call("POST", fmt.Sprintf("/api/v1/programs/%d/items", p.ID), jsonOf(body)),
			http.StatusCreated).ID
	}
	task := func(item int64, body map[string]any) {
		decodeAs[apiTask](t, c.call("POST", fmt.Sprintf("/api/v1/items/%d/tasks", item), jsonOf(body)), http.StatusCreated)
	}

	a := item(0, "", "Nhiệm vụ trọng tâm tháng 4 và Quý II năm 2023", "")
	economy := item(a, "", "Về phát triển kinh tế", "")
	item(economy, "", "", take("Chỉ đạo tập trung cao nhất", "trong mùa mưa lũ."))
	item(economy, "", "", take("Nắm bắt thường xuyên", "vào địa bàn.")+"\n"+
		take("Chủ động các điều kiện, phương án", "tiêu thụ vải thiều năm 2023.")+"\n"+
		take("Tăng cường các hoạt động kết nối", "xuất khẩu gặp khó khăn."))
	building := item(economy, "", "", take("Chỉ đạo hoàn thành công tác chuẩn bị đầu tư", "tiết kiệm cho ngân sách.")+"\n"+
		take("Rà soát các nguồn thu chưa thực hiện", "ngân sách 6 tháng đầu năm."))
	directives := item(economy, "", "", take("Tập trung cao chỉ đạo, thực hiện Chỉ thị", "trái phép trên địa bàn."))
	item(economy, "", "", take("Tập trung chỉ đạo thực hiện các nhiệm vụ trọng tâm theo", "Đảng bộ huyện."))
	culture := item(a, "", "Về văn hóa - xã hội", "")
	item(culture, "", "", take("Chú trọng công tác kiểm soát", "xuất khẩu vải thiều."))
	item(culture, "", "", take("Tiếp tục đẩy mạnh thực hiện các giải pháp", "khó khăn đột xuất."))
	item(culture, "", "", take("Tổ chức tốt công tác thông tin", "thể thao và du lịch."))
	internal := item(a, "", "Công tác nội chính", "")
	item(internal, "", "", take("Duy trì tốt khả năng", "tiêu thụ vải thiều."))
	item(internal, "", "", take("Tập trung đôn đốc, chỉ đạo quyết liệt", "kiểm tra chuyên đề hoặc đột xuất."))
	item(internal, "", "", take("Chỉ đạo các cơ quan, đơn vị thực hiện nghiêm", "Đảng bộ huyện.")+"\n"+
		take("Các cơ quan tham mưu bám sát", "tại các xã, thị trấn."))

	// Part A names no unit: the test picks the leads, and the tasks are tracked only.
	task(building, map[string]any{"text": "Khởi công toàn bộ các công trình xây dựng cơ bản năm 2023", "lead": infra,
		"support": []int64{finance}, "due": map[string]any{"text": "chậm nhất trong tháng 5/2023"}, "print": "none"})
	task(directives, map[string]any{"text": "Báo cáo UBND huyện kết quả thực hiện Chỉ thị số 19-CT/TU và Chỉ thị số 17-CT/TU",
		"lead": environment, "due": map[string]any{"text": "từng tháng"}, "print": "none", "print_source": true,
		"source": "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy"})
	task(directives, map[string]any{"text": "Thu tiền dịch vụ VSMT của các xã, thị trấn", "lead": environment,
		"due": map[string]any{"text": "6 tháng đầu năm"}, "print": "none", "source": "Chỉ thị số 19-CT/TU ngày 11/6/2020",
		"target": map[string]any{"metric": "thu tiền dịch vụ VSMT", "unit": "%", "comparator": ">", "value": 50,
			"baseline": "chỉ tiêu KH cả năm"}})

	b := item(0, "", "Các hội nghị chính trong tháng", "")
	meeting := item(b, "roman", "Hội nghị UBND huyện thường kỳ:", "Ngày 21/4/2023 (Thứ Sáu); dự kiến các nội dung trình Hội nghị gồm:")
	prepared := func(text string, lead int64, support []int64, verb, mode string) map[string]any {
		return map[string]any{"text": text, "lead": lead, "support": support, "lead_verb": verb, "print": mode,
			"print_due": false, "due": map[string]any{"date": "2023-04-21"}}
	}
	report := item(meeting, "arabic", "", "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023.")
	task(report, prepared("Báo cáo tình hình kinh tế - xã hội tháng 4", finance, nil, "prepares", "inline"))
	for _, text := range []string{take("Báo cáo tiến độ các dự án trọng điểm", "theo dõi, chỉ đạo."),
		take("Báo cáo sơ kết Đề án số 01-", "giai đoạn 2021-2025.")} {
		// The seed says who prepares contents 2 and 3 once, in a note of its own after them.
		task(item(meeting, "arabic", "", text), prepared(text, infra, nil, "prepares", "none"))
	}
	item(meeting, "none", "", "(Phòng Kinh tế và Hạ tầng chuẩn bị nội dung 2, 3).")
	reform := item(meeting, "arabic", "", take("Báo cáo sơ kết 02 năm", "giai đoạn 2021-2025")+".")
	task(reform, prepared("Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU", office, []int64{home}, "chairs", "inline"))
	fruit := item(meeting, "arabic", "", take("Báo cáo sơ kết Đề án số 02-", "giai đoạn 2021-2025")+".")
	task(fruit, prepared("Báo cáo sơ kết Đề án số 02-ĐA/HU", farming, nil, "prepares", "inline"))
	item(meeting, "arabic", "", "Các nội dung khác trình theo quy định.")
	item(b, "roman", "Các hội nghị chuyên đề, UBND huyện sẽ có lịch cụ thể riêng.", "")
	item(b, "roman", take("Chủ tịch và các Phó Chủ tịch UBND huyện tổ chức", "cơ quan, địa phương, đơn vị."), "")
	return c, p.ID
}

// createOrg adds an org through the API and returns its ID.
func createOrg(t *testing.T, c *apiClient, parent int64, o seedOrg) int64 {
	t.Helper()
	body := map[string]any{"parent_id": parent, "kind": o.kind, "name": o.name, "short_name": o.short,
		"display_name": o.display, "valid_from": "2020-01-01"}
	got := decodeAs[apiOrg](t, c.call("POST", "/api/v1/orgs", jsonOf(body)), http.StatusCreated)
	if got.DisplayName != o.display {
		t.Errorf("org %s: display name %q, want %q", o.name, got.DisplayName, o.display)
	}
	return got.ID
}

// expect fails the test unless r has status.
func expect(t *testing.T, r response, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body: %s", r.status, status, r.body)
	}
}

// jsonOf returns v as JSON text.
func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// prose returns a function that cuts a passage of the fixture out, from the words from
// to the words to, whitespace squashed; it fails the test when either is missing.
func prose(t *testing.T, fixture string) func(from, to string) string {
	text := strings.Join(strings.Fields(fixture), " ")
	return func(from, to string) string {
		t.Helper()
		i := strings.Index(text, from)
		if i < 0 {
			t.Fatalf("fixture lacks %q", from)
		}
		j := strings.Index(text[i:], to)
		if j < 0 {
			t.Fatalf("fixture lacks %q after %q", to, from)
		}
		return text[i : i+j+len(to)]
	}
}

// blanks are the number and the date, which the seed and a draft both leave blank, each
// in its own way; the comparison leaves them out.
var blanks = []*regexp.Regexp{
	regexp.MustCompile(`Số:\s*\S*/CTr-UBND`),
	regexp.MustCompile(`Lục Ngạn, ngày\s+(\d+\s+)?tháng\s+(\d+\s+)?năm\s+\d{4}`),
}

// words returns the words of a text with the blank number and date left out.
func words(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	for _, re := range blanks {
		s = re.ReplaceAllString(s, " ")
	}
	return strings.Fields(s)
}

// checkWords compares the words of got with those of want and shows the first
// difference with the words around it.
func checkWords(t *testing.T, what, got, want string) {
	t.Helper()
	g, w := words(got), words(want)
	for i := 0; i < len(g) || i < len(w); i++ {
		if i < len(g) && i < len(w) && g[i] == w[i] {
			continue
		}
		around := func(ws []string) string {
			from, to := max(0, i-8), min(len(ws), i+8)
			if from >= to {
				return "(end)"
			}
			return strings.Join(ws[from:i], " ") + " ⟦" + strings.Join(ws[min(i, to):to], " ") + "⟧"
		}
		t.Errorf("%s: word %d differs from the seed:\n got  …%s\n want …%s", what, i+1, around(g), around(w))
		return
	}
}

// withoutPageMarks removes what the PDF adds to the text: the page numbers of pages 2 on,
// drawn after each page's text, and the draft mark of page 1.
func withoutPageMarks(text string) string {
	pages := strings.Split(text, "\f")
	for i := range pages {
		body := strings.TrimRight(pages[i], "\n ")
		last := body[strings.LastIndex(body, "\n")+1:]
		if (i > 0 && strings.TrimSpace(last) == strconv.Itoa(i+1)) || (i == 0 && strings.TrimSpace(last) == "DỰ THẢO") {
			pages[i] = body[:len(body)-len(last)]
		}
	}
	return strings.Join(pages, "\n")
}
