package export

import (
	"strings"
	"testing"
	"time"

	"congtac"
)

func TestFileName(t *testing.T) {
	decision := seedProgram(false)
	decision.Program.Number, decision.Program.Symbol = 7, "QĐ-UBND"
	long := seedInvitation(true)
	long.Meeting.Title = strings.Repeat("Hội nghị sơ kết công tác phòng, chống thiên tai ", 5)
	tests := []struct {
		name string
		doc  Named
		ext  string
		want string
	}{
		{"issued program", seedProgram(false), ".pdf", "05-CTr-UBND-2023-04-05.pdf"},
		{"draft program", seedProgram(true), ".docx", "du-thao-chuong-trinh-thang-4-2023.docx"},
		{"symbol folded", decision, ".pdf", "07-QD-UBND-2023-04-05.pdf"},
		{"issued invitation", seedInvitation(false), ".pdf", "12-GM-UBND-2023-04-14.pdf"},
		{"draft invitation", seedInvitation(true), ".pdf", "du-thao-giay-moi-hoi-nghi-ubnd-huyen-thuong-ky-thang-4-nam-2023.pdf"},
		{"conclusion", seedConclusion(), ".docx", "15-TB-UBND-2023-04-24.docx"},
		{"report", seedReport(), ".pdf", "21-BC-UBND-2023-05-05.pdf"},
		{"register", seedRegister(), ".xlsx", "so-van-ban-di-2023.xlsx"},
		{"program tasks", TaskTable{Title: "Nhiệm vụ", Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2027, Number: 1}},
			".xlsx", "nhiem-vu-chuong-trinh-thang-1-2027.xlsx"},
		{"quarter tasks", TaskTable{Period: congtac.Period{Kind: congtac.PeriodQuarter, Year: 2027, Number: 2}},
			".xlsx", "nhiem-vu-chuong-trinh-quy-ii-2027.xlsx"},
		{"task list", TaskTable{Title: "Danh sách nhiệm vụ quá hạn (tính đến ngày 07/12/2026)"}, ".xlsx",
			"danh-sach-nhiem-vu-qua-han-tinh-den-ngay-07-12-2026.xlsx"},
		{"long title", long, ".pdf", "du-thao-giay-moi-hoi-nghi-so-ket-cong-tac-phong-chong-thien-tai-hoi-nghi-so-ket-cong-tac-phong.pdf"},
	}
	for _, tt := range tests {
		if got := FileName(tt.doc, tt.ext); got != tt.want {
			t.Errorf("%s: FileName = %q, want %q", tt.name, got, tt.want)
		}
	}
	// A draft keeps the draft's name even when its document carries a number.
	draft := seedInvitation(true)
	draft.Document.IssuedOn = congtac.MustDate(2023, time.April, 14)
	if got := FileName(draft, ".pdf"); !strings.HasPrefix(got, "du-thao-giay-moi-") {
		t.Errorf("a draft with a number: %q", got)
	}
}
