package export

import (
	"strings"
	"testing"

	"congtac"
)

// TestTaskPrint: an item's prose prints as written and each task as its print mode says:
// the office's parenthetical after the sentence that says the task, before its full stop,
// or at the end of the item; its own line; or nothing. Nothing is said twice.
func TestTaskPrint(t *testing.T) {
	orgs := map[int64]string{1: "Phòng Tài chính - KH", 2: "Văn phòng HĐND và UBND huyện", 3: "Phòng Nội vụ"}
	inline := congtac.TaskPrint{Mode: congtac.PrintInline}
	prepares := congtac.TaskPrint{Mode: congtac.PrintInline, Lead: congtac.LeadPrepares}
	tests := []struct {
		name  string
		text  string
		tasks []congtac.Task
		want  []string
	}{
		{"a lead that prepares, at the end before the full stop",
			"Báo cáo tình hình kinh tế - xã hội tháng 4; nhiệm vụ trọng tâm tháng 5 năm 2023.",
			[]congtac.Task{{Text: "Báo cáo tình hình KT-XH", Lead: 1, Print: prepares}},
			[]string{"Báo cáo tình hình kinh tế - xã hội tháng 4; nhiệm vụ trọng tâm tháng 5 năm 2023 (Phòng Tài chính - KH chuẩn bị)."}},
		{"lead and support",
			"Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU.",
			[]congtac.Task{{Text: "Sơ kết", Lead: 2, Support: []congtac.Support{{OrgID: 3}}, Print: inline}},
			[]string{"Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU (Văn phòng HĐND và UBND huyện chủ trì, Phòng Nội vụ phối hợp)."}},
		{"after the sentence that says the task, with deadline and source",
			"Rà soát các nguồn thu... trên địa bàn. Quyết toán các nguồn vốn XDCB xong trong tháng 4/2023. Quản lý chặt chẽ.",
			[]congtac.Task{{Text: "quyết toán các nguồn vốn XDCB.", Lead: 1, Source: "Theo Chỉ thị số 19-CT/TU",
				Due: congtac.Due{Text: "xong trong tháng 4/2023"}, Print: congtac.TaskPrint{Mode: congtac.PrintInline, Due: true, Source: true}}},
			[]string{"Rà soát các nguồn thu... trên địa bàn. Quyết toán các nguồn vốn XDCB xong trong tháng 4/2023 (theo Chỉ thị số 19-CT/TU; Phòng Tài chính - KH chủ trì; thời hạn: xong trong tháng 4/2023). Quản lý chặt chẽ."}},
		{"two at the same place, one parenthetical",
			"Triển khai các nhiệm vụ.",
			[]congtac.Task{{Text: "A", Lead: 1, Print: inline}, {Text: "B", Lead: 3, Print: inline}},
			[]string{"Triển khai các nhiệm vụ (Phòng Tài chính - KH chủ trì; Phòng Nội vụ chủ trì)."}},
		{"own line, and tracked only",
			"Đôn đốc thu ngân sách.",
			[]congtac.Task{{Text: "Thu tiền sử dụng đất.", Lead: 1, Due: congtac.Due{Text: "trong Quý II"}, Print: congtac.TaskPrint{Due: true}},
				{Text: "Thu thuế", Lead: 3, Print: congtac.TaskPrint{Mode: congtac.PrintNone, Due: true}}},
			[]string{"Đôn đốc thu ngân sách.", "- Thu tiền sử dụng đất (Phòng Tài chính - KH chủ trì; thời hạn: trong Quý II)."}},
		{"carried over: the missed deadline kept, or a new one",
			"Đôn đốc các nhiệm vụ chuyển tiếp.",
			[]congtac.Task{{Text: "Giải phóng mặt bằng.", Lead: 1, CarriedFrom: 7, KeepsOldDue: true,
				Due: congtac.DueOn(congtac.MustDate(2026, 12, 15)), Print: congtac.TaskPrint{Due: true}},
				{Text: "Quyết toán vốn.", Lead: 3, CarriedFrom: 8, Due: congtac.Due{Date: congtac.MustDate(2027, 1, 31),
					Precision: congtac.PrecisionMonth, Text: "trong tháng 1/2027"}, Print: congtac.TaskPrint{Due: true}}},
			[]string{"Đôn đốc các nhiệm vụ chuyển tiếp.",
				"- Giải phóng mặt bằng (Phòng Tài chính - KH chủ trì; chuyển tiếp; hạn cũ 15/12/2026).",
				"- Quyết toán vốn (Phòng Nội vụ chủ trì; chuyển tiếp; thời hạn: trong tháng 1/2027)."}},
		{"carried over while deferred: the deferral's deadline, or the postponement",
			"Đôn đốc các nhiệm vụ giãn tiến độ.",
			[]congtac.Task{{Text: "Giải phóng mặt bằng.", Lead: 1, CarriedFrom: 7, Due: congtac.DueInMonth(2026, 11),
				Deferral: &congtac.Deferral{On: congtac.MustDate(2026, 11, 28), To: congtac.DueInQuarter(2027, 1), Reason: "chờ kinh phí"},
				Print:    congtac.TaskPrint{Due: true}},
				{Text: "Quyết toán vốn.", Lead: 3, CarriedFrom: 8, KeepsOldDue: true, Due: congtac.DueOn(congtac.MustDate(2026, 12, 15)),
					Deferral: &congtac.Deferral{On: congtac.MustDate(2026, 12, 10), To: congtac.DueInMonth(2027, 2), Reason: "chờ kinh phí"}},
				{Text: "Sửa chữa trụ sở.", Lead: 3, CarriedFrom: 9, Due: congtac.DueInMonth(2026, 11),
					Deferral: &congtac.Deferral{On: congtac.MustDate(2026, 11, 28), To: congtac.Due{Text: "Tạm hoãn, chờ ý kiến chỉ đạo."}, Reason: "chờ ý kiến"},
					Print:    congtac.TaskPrint{Due: true}},
				{Text: "Mua sắm thiết bị.", Lead: 1, CarriedFrom: 10, Due: congtac.DueInMonth(2026, 11),
					Deferral: &congtac.Deferral{On: congtac.MustDate(2026, 11, 28), Reason: "chờ ý kiến"}}},
			[]string{"Đôn đốc các nhiệm vụ giãn tiến độ.",
				"- Giải phóng mặt bằng (Phòng Tài chính - KH chủ trì; chuyển tiếp; đã giãn đến quý I/2027).",
				"- Quyết toán vốn (Phòng Nội vụ chủ trì; chuyển tiếp; hạn cũ 15/12/2026; đã giãn đến tháng 2/2027).",
				"- Sửa chữa trụ sở (Phòng Nội vụ chủ trì; chuyển tiếp; tạm hoãn, chờ ý kiến chỉ đạo).",
				"- Mua sắm thiết bị (Phòng Tài chính - KH chủ trì; chuyển tiếp; tạm hoãn)."}},
		{"prose without a full stop",
			"Các nội dung khác",
			[]congtac.Task{{Text: "Khác", Lead: 3, Print: inline}},
			[]string{"Các nội dung khác (Phòng Nội vụ chủ trì)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range tt.tasks {
				tt.tasks[i].ItemID = 1
			}
			d := ProgramDoc{Orgs: orgs, Program: congtac.Program{
				Items: []congtac.Item{{ID: 1, Style: congtac.StyleNone, Text: tt.text}}, Tasks: tt.tasks}}
			var got []string
			for _, b := range d.body() {
				got = append(got, paraText(b.(para)))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
