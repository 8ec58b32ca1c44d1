package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// renderDemo returns the path of a database holding the demo data as of 20 April 2026,
// with a conclusion on the first agenda item of April's regular meeting, and the IDs of an
// issued program, a draft program and that meeting.
func renderDemo(t *testing.T) (db string, issued, draft, meeting int64) {
	t.Helper()
	ctx := context.Background()
	db = storetest.DSN(t, store.SQLite)
	st := openStore(t, db)
	if _, err := demo.Seed(ctx, st, congtac.MustDate(2026, time.April, 20)); err != nil {
		t.Fatal(err)
	}
	programs, _, err := st.FindPrograms(ctx, congtac.ProgramFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range programs {
		switch {
		case p.Status == congtac.ProgramIssued && p.Period.Number == 4 && p.Title != "" && strings.Contains(p.Title, "tỉnh"):
			issued = p.ID
		case p.Status == congtac.ProgramDraft:
			draft = p.ID
		}
	}
	kind := congtac.MeetingRegular
	meetings, err := st.FindMeetings(ctx, congtac.MeetingFilter{Kind: &kind, ProgramID: &issued})
	if err != nil || len(meetings) == 0 || issued == 0 || draft == 0 {
		t.Fatalf("demo data: programs %d and %d, %d meetings, %v", issued, draft, len(meetings), err)
	}
	m := meetings[0]
	conclusion := "Giao Sở Tài chính hoàn thiện báo cáo, trình UBND tỉnh trước ngày 25/4/2026."
	if _, err := st.UpdateAgendaItem(ctx, congtac.System, m.Agenda[0].ID, m.Agenda[0].Version,
		congtac.AgendaItemUpdate{Conclusion: &conclusion}); err != nil {
		t.Fatal(err)
	}
	return db, issued, draft, m.ID
}

// TestRenderDemo renders every kind of document from the demo data in each of its formats.
func TestRenderDemo(t *testing.T) {
	db, issued, draft, meeting := renderDemo(t)
	dir := t.TempDir()
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	tests := []struct {
		name string
		args []string
		want string // a part of a DOCX or XLSX that must hold this text; "" for PDF
	}{
		{"program.docx", []string{"-program", id(issued)}, "Công tác của UBND tỉnh tháng 4"},
		{"program.pdf", []string{"-program", id(issued)}, ""},
		{"draft.docx", []string{"-program", id(draft), "-format", "docx"}, "DỰ THẢO"},
		{"draft.pdf", []string{"-program", id(draft)}, ""},
		{"invitation.docx", []string{"-meeting", id(meeting), "-kind", "invitation"}, "GIẤY MỜI"},
		{"invitation.pdf", []string{"-meeting", id(meeting), "-kind", "invitation"}, ""},
		{"conclusion.docx", []string{"-meeting", id(meeting), "-kind", "conclusion"}, "Giao Sở Tài chính hoàn thiện báo cáo"},
		{"conclusion.pdf", []string{"-meeting", id(meeting), "-kind", "conclusion"}, ""},
		{"report.docx", []string{"-report-program", id(issued), "-as-of", "2026-04-20"}, "tính đến ngày 20/04/2026"},
		{"report.pdf", []string{"-report-program", id(issued), "-as-of", "2026-04-20"}, ""},
		{"register.xlsx", []string{"-register", "-year", "2026"}, "Số, ký hiệu văn bản"},
		{"register.pdf", []string{"-register", "-year", "2026"}, ""},
		{"tasks.xlsx", []string{"-tasks", "-program", id(issued), "-as-of", "2026-04-20"}, "Cơ quan chủ trì"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name)
			args := append([]string{"render", "-db", db, "-o", out}, tt.args...)
			r := runCLI(t, nil, "", args...)
			if r.code != exitOK || !strings.Contains(r.stdout, "Đã ghi") {
				t.Fatalf("render = %d, %q, %q", r.code, r.stdout, r.stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(tt.name, ".pdf") {
				if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-64:], []byte("%%EOF")) {
					t.Errorf("%s is not a PDF file", tt.name)
				}
				return
			}
			if !zipHolds(t, data, tt.want) {
				t.Errorf("%s holds no %q", tt.name, tt.want)
			}
		})
	}
}

// zipHolds reports whether a part of a zip file (DOCX, XLSX) contains s.
func zipHolds(t *testing.T, data []byte, s string) bool {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip file: %v", err)
	}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), s) {
			return true
		}
	}
	return false
}

func TestRenderUsageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.pdf")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-o", out}, "chọn đúng một văn bản"},
		{[]string{"-program", "1", "-register", "-o", out}, "chọn đúng một văn bản"},
		{[]string{"-program", "1"}, "cần -o"},
		{[]string{"-meeting", "1", "-o", out}, "-meeting cần -kind"},
		{[]string{"-meeting", "1", "-kind", "minutes", "-o", out}, `không phải "minutes"`},
		{[]string{"-kind", "invitation", "-program", "1", "-o", out}, "-kind chỉ dùng với -meeting"},
		{[]string{"-program", "1", "-format", "html", "-o", out}, `định dạng "html" không dùng được`},
		{[]string{"-program", "1", "-o", "x.odt"}, `định dạng "odt" không dùng được`},
		{[]string{"-register", "-format", "docx", "-o", out}, "chọn xlsx hoặc pdf"},
		{[]string{"-tasks", "-o", out}, "-tasks cần -program"},
		{[]string{"-tasks", "-program", "1", "-o", out}, "chọn xlsx"},
		{[]string{"-report-program", "1", "-as-of", "30/4/2026", "-o", out}, "-as-of"},
		{[]string{"-register", "-year", "20260", "-o", "x.xlsx"}, "-year=20260 không hợp lệ"},
		{[]string{"-program", "abc", "-o", out}, "giá trị không hợp lệ"},
	}
	for _, tt := range tests {
		r := runCLI(t, safeEnv(t), "", append([]string{"render"}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("render %v = %d, %q; want 2 and %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused command wrote a file")
	}
}

func TestRenderNotFound(t *testing.T) {
	db := storetest.DSN(t, store.SQLite)
	out := filepath.Join(t.TempDir(), "x.pdf")
	r := runCLI(t, nil, "", "render", "-db", db, "-program", "999", "-o", out)
	if r.code != exitFailure || !strings.Contains(r.stderr, "Không tìm thấy") {
		t.Errorf("render of a missing program = %d, %q; want 1 and Không tìm thấy", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed render wrote a file")
	}
}
