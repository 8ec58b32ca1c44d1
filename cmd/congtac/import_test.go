package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/importer"
)

// seedFile is the seed program as its PDF's text gives it.
const seedFile = "../../vn/testdata/seed-luc-ngan-2023-04.txt"

func TestImportPrintsJSON(t *testing.T) {
	res := runCLI(t, map[string]string{}, "", "import", seedFile, "-json")
	if res.code != exitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var got importer.JSONResult
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Kind != importer.KindProgram || got.Masthead.Period != "2023-04" || len(got.Tasks) != 8 ||
		len(got.Meetings) != 2 || len(got.Recipients) != 12 || got.Signature.Lines[0] != "TL. CHỦ TỊCH" {
		t.Errorf("result: kind %s, period %s, %d tasks, %d meetings, %d recipients, signature %+v", got.Kind,
			got.Masthead.Period, len(got.Tasks), len(got.Meetings), len(got.Recipients), got.Signature)
	}
	// Standard input, and the summary for people.
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	res = runCLI(t, map[string]string{}, string(data), "import", "-")
	if res.code != exitOK || !strings.Contains(res.stdout, "Trích yếu: Công tác của UBND huyện tháng 4 năm 2023") ||
		!strings.Contains(res.stdout, "Mục: 25; nhiệm vụ: 8; hội nghị: 2; nơi nhận: 12") {
		t.Errorf("summary (exit %d):\n%s%s", res.code, res.stdout, res.stderr)
	}
}

func TestImportSaves(t *testing.T) {
	env := safeEnv(t)
	st := openStore(t, env["CONGTAC_DB"])
	ctx := context.Background()
	committee, err := st.CreateOrg(ctx, congtac.System, congtac.Org{Kind: congtac.OrgCommittee,
		Name: "Ủy ban nhân dân huyện Lục Ngạn", ShortName: "UBND", ValidFrom: congtac.MustDate(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range [][2]string{{"Phòng Tài chính - Kế hoạch", "TCKH"}, {"Phòng Kinh tế và Hạ tầng", "KTHT"},
		{"Văn phòng HĐND và UBND huyện", "VP"}, {"Phòng Nội vụ", "NV"}} {
		if _, err := st.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: committee.ID, Kind: congtac.OrgDepartment,
			Name: o[0], ShortName: o[1], ValidFrom: congtac.MustDate(2020, 1, 1)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Vương Mạnh Chung", OrgID: committee.ID}); err != nil {
		t.Fatal(err)
	}

	// The farming department is not in the directory: -create-orgs adds it.
	res := runCLI(t, env, "", "import", seedFile, "-save", "-create-orgs")
	if res.code != exitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	id, err := strconv.ParseInt(strings.TrimSpace(res.stdout), 10, 64)
	if err != nil {
		t.Fatalf("stdout %q is no ID", res.stdout)
	}
	p, err := st.FindProgramByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.OrgID != committee.ID || p.Status != congtac.ProgramDraft || len(p.Items) != 25 || len(p.Recipients) != 12 ||
		p.Signature.Name != "Vương Mạnh Chung" || p.Title != "Công tác của UBND huyện tháng 4 năm 2023" {
		t.Errorf("program: org %d, %s, %d items, %d recipients, signature %+v, title %q", p.OrgID, p.Status,
			len(p.Items), len(p.Recipients), p.Signature, p.Title)
	}
	// Part A names no lead: its tasks are named on standard error, not saved.
	if n := strings.Count(res.stderr, "chưa có cơ quan chủ trì"); n != 8 || len(p.Tasks) != 0 {
		t.Errorf("%d tasks saved, %d refused:\n%s", len(p.Tasks), n, res.stderr)
	}
	meetings, err := st.FindMeetings(ctx, congtac.MeetingFilter{ProgramID: &id})
	if err != nil || len(meetings) != 2 {
		t.Fatalf("meetings: %v, %v", meetings, err)
	}
	farming, err := st.FindOrgs(ctx, congtac.OrgFilter{Query: "Nong nghiep va PTNT"})
	if err != nil || len(farming) != 1 || farming[0].ParentID != committee.ID {
		t.Fatalf("created org: %+v, %v", farming, err)
	}

	// The same period again is refused, and nothing more is created.
	res = runCLI(t, env, "", "import", seedFile, "-save", "-create-orgs", "-org", strconv.FormatInt(committee.ID, 10))
	if res.code != exitFailure || !strings.Contains(res.stderr, "Đã có chương trình") {
		t.Errorf("second import: exit %d: %s", res.code, res.stderr)
	}
}

func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	unknown := filepath.Join(dir, "khac.txt")
	if err := os.WriteFile(unknown, []byte("ỦY BAN NHÂN DÂN XÃ YÊN BÌNH\nCHƯƠNG TRÌNH\nCông tác tháng 5 năm 2026\n1. Họp giao ban.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want int
		says string
	}{
		{map[string]string{}, []string{"import"}, exitUsage, "cần đúng một tệp"},
		{map[string]string{}, []string{"import", "a.pdf", "b.pdf"}, exitUsage, "cần đúng một tệp"},
		{map[string]string{}, []string{"import", seedFile, "-save"}, exitUsage, "-save cần -db"},
		{map[string]string{}, []string{"import", seedFile, "-tones", "x"}, exitUsage, "-tones"},
		{map[string]string{}, []string{"import", filepath.Join(dir, "khong-co.pdf")}, exitFailure, "đọc tệp"},
		{safeEnv(t), []string{"import", unknown, "-save"}, exitUsage, "Không tìm thấy ủy ban"},
	} {
		res := runCLI(t, tc.env, "", tc.args...)
		if res.code != tc.want || !strings.Contains(res.stderr, tc.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.args, res.code, res.stderr, tc.want, tc.says)
		}
	}
}
