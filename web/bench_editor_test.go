package web

import (
	"fmt"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

// BenchmarkEditorPage300 renders the editor of a 300-task draft of the demo committee: 100
// items of three tasks each, every task with a lead, two support orgs, a leader and a
// deadline, so that the page carries 900 org pickers' worth of options.
func BenchmarkEditorPage300(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := newDemo(b, e)
			p := congtac.Program{OrgID: 1, Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2030, Number: 1},
				Title: "Công tác tháng 1 năm 2030", Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}}}
			for c := range 4 {
				p.Items = append(p.Items, congtac.Item{ID: int64(2 + c), ParentID: 1, Position: c, Heading: fmt.Sprintf("Lĩnh vực %d", c+1)})
			}
			for i := range 100 {
				id := int64(10 + i)
				p.Items = append(p.Items, congtac.Item{ID: id, ParentID: int64(2 + i%4), Position: i,
					Text: fmt.Sprintf("Chỉ đạo thực hiện nhiệm vụ số %d trên địa bàn tỉnh.", i+1)})
				for k := range 3 {
					p.Tasks = append(p.Tasks, congtac.Task{ItemID: id, Position: k, Text: fmt.Sprintf("Nhiệm vụ %d.%d: rà soát, báo cáo kết quả", i+1, k+1),
						Lead: int64(3 + (i+k)%20), Support: []congtac.Support{{OrgID: int64(24 + k)}, {OrgID: int64(28 + k)}},
						LeaderID: 1, Due: congtac.DueInMonth(2030, 1), Sector: congtac.SectorEconomy})
				}
			}
			created, err := st.CreateProgram(ctxb, congtac.System, p)
			if err != nil {
				b.Fatal(err)
			}
			s, _ := newTestServer(b, st)
			benchPage(b, s, mintSession(b, s, "vanphong"), fmt.Sprintf("/programs/%d/edit", created.ID))
		})
	}
}
