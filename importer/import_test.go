package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"congtac"
)

// lucNgan is the directory of the seed's committee: the orgs its part B names, by their
// full names, with the display names offices print.
func lucNgan() []congtac.Org {
	org := func(id int64, kind congtac.OrgKind, name, short, display string) congtac.Org {
		return congtac.Org{ID: id, ParentID: 1, Kind: kind, Name: name, ShortName: short, DisplayName: display}
	}
	return []congtac.Org{
		{ID: 1, Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân huyện Lục Ngạn", ShortName: "UBND"},
		org(2, congtac.OrgOffice, "Văn phòng HĐND và UBND huyện", "VP", ""),
		org(3, congtac.OrgDepartment, "Phòng Tài chính - Kế hoạch", "TCKH", "Phòng Tài chính - KH"),
		org(4, congtac.OrgDepartment, "Phòng Kinh tế và Hạ tầng", "KTHT", ""),
		org(5, congtac.OrgDepartment, "Phòng Nông nghiệp và Phát triển nông thôn", "NNPTNT", "Phòng Nông nghiệp và PTNT"),
		org(6, congtac.OrgDepartment, "Phòng Nội vụ", "NV", ""),
		org(7, congtac.OrgDepartment, "Phòng Tài nguyên và Môi trường", "TNMT", ""),
	}
}

func seedBytes(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportTheSeed(t *testing.T) {
	var vocab Vocabulary
	vocab.Add("Vương Mạnh Chung") // the signer, as the directory of people knows him
	r, err := Import(seedBytes(t), Options{Orgs: lucNgan(), Vocabulary: &vocab})
	if err != nil {
		t.Fatal(err)
	}
	m := r.Masthead
	if r.Kind != KindProgram || r.Format != FormatText || m.Period.Key() != "2023-04" ||
		m.Summary.Text != "Công tác của UBND huyện tháng 4 năm 2023" || m.Issuer.Text != "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN" {
		t.Fatalf("kind %s, format %s, masthead %+v", r.Kind, r.Format, m)
	}
	if r.Closing.Signature.Name != "Vương Mạnh Chung" || len(r.Closing.Recipients) != 12 {
		t.Errorf("closing: %+v", r.Closing)
	}
	// Part A names no unit: its tasks are the sentences with a deadline, target or source.
	type task struct{ item, due, precision, rec, source string }
	label := map[int64]string{}
	for _, it := range r.Items {
		label[it.ID] = it.Label
	}
	var got []task
	for _, d := range r.Tasks {
		tk := task{item: label[d.ItemID], due: d.Due.Text, precision: string(d.Due.Precision), source: d.Source}
		if d.Recurrence != nil {
			tk.rec = d.Recurrence.String()
		}
		got = append(got, tk)
		if d.Lead != "" {
			t.Errorf("task of %s led by %q: part A names no unit", tk.item, d.Lead)
		}
	}
	want := []task{
		{"1.3.", "chậm nhất trong tháng 5/2023", "month", "", ""},
		{"1.3.", "xong trong tháng 4/2023", "month", "", ""},
		{"1.3.", "6 tháng đầu năm", "half", "", ""},
		{"1.4.", "từng tháng", "", "FREQ=MONTHLY;BYMONTHDAY=-1", "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy"},
		{"1.4.", "", "", "", ""},
		{"1.5.", "", "", "", "Nghị quyết 233"},
		{"2.3.", "trong Quý II/2023", "quarter", "", ""},
		{"3.3.", "trong 6 tháng đầu năm", "half", "", ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("tasks\n%+v\nwant\n%+v", got, want)
	}
	if tg := r.Tasks[4].Target; tg == nil || tg.Value != 50 || tg.Comparator != congtac.Greater || tg.Baseline != "chỉ tiêu KH cả năm" {
		t.Errorf("1.4.'s target: %+v", tg)
	}
	// Part B: the regular meeting's six matters and the Thursday briefing; its matters
	// are no tasks of the program.
	if len(r.Meetings) != 2 || r.Meetings[0].Meeting.Date != congtac.MustDate(2023, 4, 21) || len(r.Meetings[0].Agenda) != 6 ||
		r.Meetings[1].Meeting.Kind != congtac.MeetingBriefing {
		t.Fatalf("meetings: %+v", r.Meetings)
	}
	var orgs []string
	for _, o := range r.Orgs {
		orgs = append(orgs, fmt.Sprintf("%s→%d", o.Name, o.Match.Org.ID))
		if !o.Matched {
			t.Errorf("%q is not matched", o.Name)
		}
	}
	if w := "Phòng Tài chính - KH→3|Phòng Kinh tế và Hạ tầng→4|Văn phòng HĐND và UBND huyện→2|Phòng Nội vụ→6|Phòng Nông nghiệp và PTNT→5"; strings.Join(orgs, "|") != w {
		t.Errorf("orgs %s\nwant %s", strings.Join(orgs, "|"), w)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems: %+v", r.Problems)
	}
	// JSON: every line it points at exists.
	j := r.JSON()
	if _, err := json.Marshal(j); err != nil {
		t.Fatal(err)
	}
	for _, x := range j.Tasks {
		if x.Line < 0 || x.Line >= len(j.Lines) || !strings.Contains(j.Lines[x.Line], strings.Fields(x.Text)[0]) {
			t.Errorf("task %q points at line %d", x.Text, x.Line)
		}
	}
}

func TestDraftOfTheSeed(t *testing.T) {
	r, err := Import(seedBytes(t), Options{Orgs: lucNgan()})
	if err != nil {
		t.Fatal(err)
	}
	// The user gives 1.3.'s first task to the infrastructure department and skips 1.5.'s.
	imp, problems, err := r.Draft(1, nil, Choices{Leads: map[int]int64{0: 4, 3: 7, 4: 7}, Skip: map[int]bool{5: true}})
	if err != nil {
		t.Fatal(err)
	}
	p := imp.Program
	if p == nil || p.OrgID != 1 || p.Period.Key() != "2023-04" || len(p.Items) != len(r.Items) || len(p.Tasks) != 3 {
		t.Fatalf("draft: %+v", p)
	}
	if p.Tasks[0].Lead != 4 || p.Tasks[0].Print.Mode != congtac.PrintNone || p.Tasks[1].Recurrence == nil ||
		p.Tasks[1].Recurrence.Until != congtac.MustDate(2023, 4, 30) || p.Tasks[2].Target == nil {
		t.Errorf("tasks: %+v", p.Tasks)
	}
	for _, tk := range p.Tasks {
		if err := tk.Validate(); err != nil {
			t.Errorf("task %q: %v", tk.Text, err)
		}
	}
	if len(problems) != 4 { // the four tasks without a lead, each at its line
		t.Errorf("problems: %+v", problems)
	}
	if len(imp.Meetings) != 2 || imp.Meetings[0].Agenda[0].Lead != 3 || imp.Meetings[0].Agenda[3].Support[0] != 6 ||
		imp.Meetings[1].Recurrence.Until != congtac.MustDate(2023, 4, 30) {
		t.Errorf("meetings: %+v", imp.Meetings)
	}
	for _, m := range imp.Meetings {
		m.Status = congtac.MeetingPlanned
		if err := m.Validate(); err != nil {
			t.Errorf("meeting %q: %v", m.Title, err)
		}
	}
	// A document without a period cannot be saved as a program.
	r.Masthead.Period = congtac.Period{}
	if _, _, err := r.Draft(1, nil, Choices{}); congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("no period: %v", err)
	}
}

// FuzzImport imports any bytes: it never panics, every line it points at exists, its
// JSON form encodes, and a draft of it is made without panic whatever it found.
func FuzzImport(f *testing.F) {
	f.Add(seedBytes(f))
	f.Add([]byte(communeTCVN3Text))
	f.Add([]byte(communeVNIText))
	f.Add([]byte("LỊCH CÔNG TÁC TUẦN\nTHỨ HAI (07/12/2026)\n- 8h00: Họp giao ban. Địa điểm: Hội trường.\n"))
	f.Add([]byte("CHƯƠNG TRÌNH\nCông tác tháng 13 năm 2026\n1. Báo cáo (Phòng X chủ trì) chậm nhất ngày 31/4/2026.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import(data, Options{Orgs: lucNgan()})
		if err != nil {
			if congtac.ErrorCode(err) != congtac.EINVALID {
				t.Fatalf("error %v", err)
			}
			return
		}
		in := func(what string, line int) {
			if line < -1 || line >= len(r.Lines) {
				t.Fatalf("%s at line %d of %d", what, line, len(r.Lines))
			}
		}
		for _, x := range r.Tasks {
			in("task", x.Line)
		}
		for _, m := range r.Meetings {
			in("meeting", m.Line)
			for _, a := range m.Agenda {
				in("matter", a.Line)
			}
		}
		for _, p := range r.Problems {
			in("problem", p.Line)
		}
		for _, x := range r.Restorations {
			in("restoration", x.Line)
		}
		if _, err := json.Marshal(r.JSON()); err != nil {
			t.Fatal(err)
		}
		imp, _, err := r.Draft(1, nil, r.CreatingUnknown(1, congtac.MustDate(2026, 12, 7)))
		if err == nil && imp.Program != nil {
			for _, tk := range imp.Program.Tasks {
				if tk.Lead == 0 {
					t.Fatalf("a task without a lead in the draft: %+v", tk)
				}
			}
		}
	})
}

func TestDraftLeavesOutWhatTheStoreWouldRefuse(t *testing.T) {
	r, err := Import(seedBytes(t), Options{Orgs: lucNgan()})
	if err != nil {
		t.Fatal(err)
	}
	r.Meetings[0].Meeting.Date = congtac.Date{}                 // a meeting whose day was not read
	r.Tasks[1].Text = strings.Repeat("Nhiệm vụ rất dài. ", 300) // longer than a task may be
	imp, problems, err := r.Draft(1, nil, Choices{Leads: map[int]int64{0: 4, 1: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Meetings) != 1 || imp.Meetings[0].Kind != congtac.MeetingBriefing || len(imp.Program.Tasks) != 1 {
		t.Fatalf("%d meetings, %d tasks", len(imp.Meetings), len(imp.Program.Tasks))
	}
	var said []string
	for _, p := range problems {
		if strings.Contains(p.Message, "không lưu được") {
			said = append(said, p.Message)
		}
	}
	if len(said) != 2 {
		t.Errorf("problems of what was left out: %q", said)
	}
}
