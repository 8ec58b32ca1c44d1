package assemble_test

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/assemble"
	"congtac/export"
	"congtac/store"
	"congtac/store/storetest"
)

// TestAGroupLedTaskPrintsTheGroupsName: the program prints "UBND các xã, thị trấn chủ trì"
// as the office writes it, never the list of its members, and the task table lists the
// task once with its rolled-up status.
func TestAGroupLedTaskPrintsTheGroupsName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		on := congtac.MustDate(2023, 4, 5)
		st.SetClock(func() time.Time { return on.In(congtac.Location(), 9, 0) })
		org := func(o congtac.Org) congtac.Org {
			o.ValidFrom = congtac.MustDate(2020, 1, 1)
			o, err := st.CreateOrg(ctx, congtac.System, o)
			if err != nil {
				t.Fatal(err)
			}
			return o
		}
		committee := org(congtac.Org{Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân huyện Lục Ngạn", ShortName: "UBND"})
		var members []int64
		for _, name := range []string{"Xã Tân Hoa", "Xã Biên Sơn", "Thị trấn Chũ"} {
			members = append(members, org(congtac.Org{ParentID: committee.ID, Kind: congtac.OrgCommune, Name: name}).ID)
		}
		group := org(congtac.Org{ParentID: committee.ID, Kind: congtac.OrgGroup, Name: "Ủy ban nhân dân các xã, thị trấn",
			DisplayName: "UBND các xã, thị trấn"})
		if _, err := st.SetGroupMembers(ctx, congtac.System, group.ID, group.Version, members); err != nil {
			t.Fatal(err)
		}
		p, err := st.CreateProgram(ctx, congtac.System, congtac.Program{OrgID: committee.ID,
			Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}, Title: "Công tác của UBND huyện tháng 4 năm 2023",
			Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}, {ID: 2, ParentID: 1, Text: "Công tác giảm nghèo."}},
			Tasks: []congtac.Task{{ItemID: 2, Text: "Rà soát hộ nghèo, hộ cận nghèo", Lead: group.ID,
				Due: congtac.DueInMonth(2023, 4), Print: congtac.TaskPrint{Due: true}}}})
		if err != nil {
			t.Fatal(err)
		}
		p, err = st.TransitionProgram(ctx, congtac.System, p.ID, p.Version, congtac.ActionSubmit, "")
		if err == nil {
			p, err = st.TransitionProgram(ctx, congtac.Actor{Role: congtac.RoleLeader, OrgID: committee.ID}, p.ID, p.Version, congtac.ActionApprove, "")
		}
		if err == nil {
			p, err = assemble.IssueProgram(ctx, st, congtac.System, p.ID, p.Version, congtac.Issuance{On: on})
		}
		if err != nil {
			t.Fatal(err)
		}
		src, err := assemble.Load(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := src.Program(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := export.DOCX(&out, doc); err != nil {
			t.Fatal(err)
		}
		text := docxText(t, out.Bytes())
		if want := "- Rà soát hộ nghèo, hộ cận nghèo (UBND các xã, thị trấn chủ trì; thời hạn: tháng 4/2023)"; !strings.Contains(text, want) {
			t.Errorf("the program lacks %q:\n%s", want, text)
		}
		if strings.Contains(text, "Biên Sơn") {
			t.Error("the program prints the group's members")
		}

		table, err := src.Tasks(ctx, p.ID, congtac.MustDate(2023, 5, 2))
		if err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := export.TasksXLSX(&out, table); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Nhiệm vụ")
		var listed [][]string
		for _, r := range rows {
			if len(r) > 9 && strings.HasPrefix(r[2], "Rà soát hộ nghèo") {
				listed = append(listed, r)
			}
		}
		if len(listed) != 1 || listed[0][4] != "UBND các xã, thị trấn" || listed[0][9] != congtac.StatusOverdue.Label() {
			t.Errorf("task rows %q, want one, led by the group, overdue (no member done by 30/4)", listed)
		}
	})
}

// docxText returns the text of a DOCX file's body, a line per paragraph.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		s := regexp.MustCompile(`</w:p>`).ReplaceAllString(string(b), "\n")
		return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, "")
	}
	t.Fatal("no word/document.xml")
	return ""
}
