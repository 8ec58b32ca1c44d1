package importer_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/export"
	"congtac/importer"
)

// issuedProgram is program 45/CTr-UBND of Lục Ngạn as congtac itself prints it: a part
// of tasks assigned in parentheses with their deadlines, and a meetings part.
func issuedProgram() export.ProgramDoc {
	d := pdfProgram(0)
	item := func(id, parent int64, pos int, heading, text string) congtac.Item {
		return congtac.Item{ID: id, ProgramID: 1, ParentID: parent, Position: pos, Heading: heading, Text: text}
	}
	d.Program.Items = []congtac.Item{
		item(1, 0, 1, "Nhiệm vụ trọng tâm tháng 4 và Quý II năm 2023", ""),
		item(2, 1, 1, "Về phát triển kinh tế", ""),
		item(3, 2, 1, "", "Hoàn thành quyết toán các nguồn vốn xây dựng cơ bản xong trong tháng 4/2023 (Phòng Tài chính - Kế hoạch chủ trì, Kho bạc Nhà nước huyện phối hợp)."),
		item(4, 2, 2, "", "Thu tiền dịch vụ vệ sinh môi trường đạt trên 50% chỉ tiêu kế hoạch cả năm (Phòng Tài nguyên và Môi trường thực hiện)."),
		item(5, 1, 2, "Về văn hóa - xã hội", ""),
		item(6, 5, 1, "", "Tổ chức các hoạt động kỷ niệm Ngày giải phóng miền Nam chậm nhất ngày 28/4/2023 (Phòng Văn hóa và Thông tin chủ trì)."),
		item(7, 0, 2, "Các hội nghị chính trong tháng", ""),
		item(8, 7, 1, "", "Hội nghị UBND huyện thường kỳ: Ngày 21/4/2023 (Thứ Sáu); dự kiến các nội dung trình Hội nghị gồm:"),
		item(9, 8, 1, "", "Báo cáo tình hình kinh tế - xã hội tháng 4 (Phòng Tài chính - Kế hoạch chuẩn bị)."),
		item(10, 8, 2, "", "Các nội dung khác trình theo quy định."),
	}
	congtac.Number(d.Program.Items)
	d.Program.Recipients = []string{"Văn phòng UBND tỉnh;", "TT Huyện ủy, TT HĐND huyện;", "Lưu: VT."}
	return d
}

// lucNganOrgs is the directory the imports match names against.
func lucNganOrgs() []congtac.Org {
	org := func(id int64, name, short string) congtac.Org {
		return congtac.Org{ID: id, ParentID: 1, Kind: congtac.OrgDepartment, Name: name, ShortName: short}
	}
	return []congtac.Org{org(2, "Phòng Tài chính - Kế hoạch", "TCKH"), org(3, "Kho bạc Nhà nước huyện", "KBNN"),
		org(4, "Phòng Tài nguyên và Môi trường", "TNMT"), org(5, "Phòng Văn hóa và Thông tin", "VHTT")}
}

// TestImportWhatCongtacPrints imports the DOCX and the PDF congtac prints of a program
// (the DOCX's masthead a table, the PDF's two columns) and finds the same program in each.
func TestImportWhatCongtacPrints(t *testing.T) {
	d := issuedProgram()
	var docx bytes.Buffer
	if err := export.DOCX(&docx, d); err != nil {
		t.Fatal(err)
	}
	for format, data := range map[importer.Format][]byte{importer.FormatDOCX: docx.Bytes(), importer.FormatPDF: renderPDF(t, d)} {
		t.Run(string(format), func(t *testing.T) {
			r, err := importer.Import(data, importer.Options{Orgs: lucNganOrgs()})
			if err != nil {
				t.Fatal(err)
			}
			m := r.Masthead
			if r.Format != format || m.Number != 45 || m.Symbol.Text != "CTr-UBND" || m.Place.Text != "Lục Ngạn" ||
				m.Date != congtac.MustDate(2023, time.April, 5) || m.Period.Key() != "2023-04" ||
				m.Summary.Text != "Công tác của UBND huyện tháng 4 năm 2023" {
				t.Errorf("format %s, masthead %+v", r.Format, m)
			}
			var labels []string
			for _, it := range r.Items {
				labels = append(labels, it.Label)
			}
			if got := strings.Join(labels, " "); got != "A. 1. 1.1. 1.2. 2. 2.1. B. 1. 1.1. 1.2." {
				t.Errorf("items %s", got)
			}
			type task struct {
				lead, support, due string
				target             bool
			}
			var tasks []task
			for _, tk := range r.Tasks {
				tasks = append(tasks, task{tk.Lead, strings.Join(tk.Support, ","), tk.Due.Date.String(), tk.Target != nil})
			}
			want := []task{{"Phòng Tài chính - Kế hoạch", "Kho bạc Nhà nước huyện", "2023-04-30", false},
				{"Phòng Tài nguyên và Môi trường", "", "0000-00-00", true}, {"Phòng Văn hóa và Thông tin", "", "2023-04-28", false}}
			if len(tasks) != len(want) {
				t.Fatalf("tasks %+v, want %+v", tasks, want)
			}
			for i := range want {
				if tasks[i].lead != want[i].lead || tasks[i].support != want[i].support || tasks[i].target != want[i].target ||
					(want[i].due != "0000-00-00" && tasks[i].due != want[i].due) {
					t.Errorf("task %d: %+v, want %+v", i, tasks[i], want[i])
				}
			}
			for _, o := range r.Orgs {
				if !o.Matched {
					t.Errorf("%q not matched", o.Name)
				}
			}
			if len(r.Meetings) != 1 || r.Meetings[0].Meeting.Date != congtac.MustDate(2023, time.April, 21) ||
				len(r.Meetings[0].Agenda) != 2 || r.Meetings[0].Agenda[0].Lead != "Phòng Tài chính - Kế hoạch" {
				t.Errorf("meetings %+v", r.Meetings)
			}
			c := r.Closing
			if len(c.Recipients) != 3 || c.Signature.Name != "Vương Mạnh Chung" || len(c.Signature.Lines) != 1 {
				t.Errorf("closing %+v", c)
			}
		})
	}
}

// BenchmarkImportHundredPages imports the PDF of a program of 100 pages, whole: reading,
// repair, understanding and matching names.
func BenchmarkImportHundredPages(b *testing.B) {
	data := hundredPages(b)
	opt := importer.Options{Orgs: lucNganOrgs(), Vocabulary: importer.BaseVocabulary()}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := importer.Import(data, opt); err != nil {
			b.Fatal(err)
		}
	}
}
