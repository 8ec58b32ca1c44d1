package congtac

import (
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		symbol string
		want   string
	}{
		{5, "CTr-UBND", "05/CTr-UBND"},
		{1, "KH-UBND", "01/KH-UBND"},
		{9, "BC-UBND", "09/BC-UBND"},
		{10, "TB-UBND", "10/TB-UBND"},
		{45, "CTr-UBND", "45/CTr-UBND"},
		{100, "CTr-UBND", "100/CTr-UBND"},
		{1234, "UBND-VX", "1234/UBND-VX"},
		{0, "CTr-UBND", "/CTr-UBND"},
		{-1, "CTr-UBND", "/CTr-UBND"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.n, tt.symbol); got != tt.want {
			t.Errorf("FormatNumber(%d, %q) = %q, want %q", tt.n, tt.symbol, got, tt.want)
		}
	}
	if got := (Document{Number: 45, Symbol: "CTr-UBND"}).Code(); got != "45/CTr-UBND" {
		t.Errorf("Code() = %q", got)
	}
}

func TestSymbol(t *testing.T) {
	tests := []struct {
		t          DocType
		body, unit string
		want       string
	}{
		{DocProgram, "UBND", "", "CTr-UBND"},
		{DocProgram, "UBND", "VP", "CTr-UBND"},
		{DocPlan, "UBND", "", "KH-UBND"},
		{DocDecision, "UBND", "", "QĐ-UBND"},
		{DocRule, "UBND", "", "QyĐ-UBND"},
		{DocInvitation, "UBND", "", "GM-UBND"},
		{DocLetter, "UBND", "VX", "UBND-VX"},
		{DocLetter, "UBND", "TCKH", "UBND-TCKH"},
		{DocLetter, "UBND", "", "UBND"},
	}
	for _, tt := range tests {
		if got := Symbol(tt.t, tt.body, tt.unit); got != tt.want {
			t.Errorf("Symbol(%q, %q, %q) = %q, want %q", tt.t, tt.body, tt.unit, got, tt.want)
		}
	}
	if got := FormatNumber(12, Symbol(DocLetter, "UBND", "VX")); got != "12/UBND-VX" {
		t.Errorf("công văn number = %q, want 12/UBND-VX", got)
	}
}

func TestSeriesType(t *testing.T) {
	for _, dt := range DocTypes {
		if got := SeriesType(SeriesShared, dt); got != "" {
			t.Errorf("SeriesType(shared, %q) = %q, want \"\"", dt, got)
		}
		if got := SeriesType(SeriesPerType, dt); got != dt {
			t.Errorf("SeriesType(per_type, %q) = %q, want %q", dt, got, dt)
		}
	}
}

func TestDocTypes(t *testing.T) {
	want := map[DocType]string{
		DocProgram: "Chương trình", DocPlan: "Kế hoạch", DocReport: "Báo cáo", DocNotice: "Thông báo",
		DocDecision: "Quyết định", DocInvitation: "Giấy mời", DocSubmission: "Tờ trình", DocDirective: "Chỉ thị",
		DocRegulation: "Quy chế", DocRule: "Quy định", DocGuide: "Hướng dẫn", DocScheme: "Phương án",
		DocProject: "Đề án", DocMinutes: "Biên bản", DocTelegram: "Công điện", DocIntroduction: "Giấy giới thiệu",
		DocLetter: "Công văn",
	}
	if len(DocTypes) != len(want) {
		t.Errorf("len(DocTypes) = %d, want %d", len(DocTypes), len(want))
	}
	seen := map[DocType]bool{}
	for _, dt := range DocTypes {
		if seen[dt] {
			t.Errorf("%q listed twice", dt)
		}
		seen[dt] = true
		if got := dt.Name(); got != want[dt] {
			t.Errorf("%q.Name() = %q, want %q", dt, got, want[dt])
		}
		if !dt.Valid() {
			t.Errorf("%q.Valid() = false", dt)
		}
	}
	if got := strings.ToUpper(DocProgram.Name()); got != "CHƯƠNG TRÌNH" {
		t.Errorf("title = %q, want CHƯƠNG TRÌNH", got)
	}
	for _, dt := range []DocType{"CV", "ctr", "QD"} {
		if dt.Valid() {
			t.Errorf("%q.Valid() = true", dt)
		}
	}
}

func TestSignLine(t *testing.T) {
	tests := []struct {
		l    SignLine
		want string
	}{
		{SignLine{AuthorityByOrder, "Chủ tịch"}, "TL. CHỦ TỊCH"},
		{SignLine{AuthorityCollective, "Ủy ban nhân dân"}, "TM. ỦY BAN NHÂN DÂN"},
		{SignLine{AuthorityDeputy, "chánh văn phòng"}, "KT. CHÁNH VĂN PHÒNG"},
		{SignLine{AuthorityAuthorized, "Chủ tịch"}, "TUQ. CHỦ TỊCH"},
		{SignLine{AuthorityActing, "Chủ tịch"}, "Q. CHỦ TỊCH"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.l, got, tt.want)
		}
	}
}
