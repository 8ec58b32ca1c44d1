package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestMaterialsOfAnAgendaItem: the department preparing a matter attaches its report (a
// PDF); a department that prepares nothing of the meeting may not; a PNG named .pdf is
// refused; anyone reading the meeting lists it; only the office or the uploader's org
// removes it.
func TestMaterialsOfAnAgendaItem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		m, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingRegular,
			Title: "Phiên họp thường kỳ tháng 4", Date: congtac.MustDate(2023, 4, 21), Start: congtac.At(8, 0),
			Agenda: []congtac.AgendaItem{{Title: "Báo cáo tình hình kinh tế - xã hội", Lead: f.deptA.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		item := m.Agenda[0].ID
		pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n")
		other := createActor(t, s, "vhxh", congtac.RoleReporter, f.deptB.ID)
		if _, err := s.AddMaterial(ctx, other, item, "bao-cao.pdf", pdf); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("an org that prepares nothing attaches: %v, want EFORBIDDEN", err)
		}
		if _, err := s.AddMaterial(ctx, f.reporterA, item, "anh.pdf", []byte("\x89PNG\r\n\x1a\n")); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a PNG named .pdf: %v, want EINVALID", err)
		}
		got, err := s.AddMaterial(ctx, f.reporterA, item, `C:\Báo cáo KT-XH.pdf`, pdf)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Báo cáo KT-XH.pdf" || got.ContentType != congtac.TypePDF || got.Size != len(pdf) || got.OrgID != f.deptA.ID {
			t.Errorf("material = %+v", got)
		}
		list, err := s.FindMaterials(ctx, m.ID)
		if err != nil || len(list) != 1 || list[0].ID != got.ID {
			t.Fatalf("materials = %+v, %v", list, err)
		}
		back, data, meeting, err := s.FindMaterial(ctx, got.ID)
		if err != nil || string(data) != string(pdf) || meeting != m.ID || back.Name != got.Name {
			t.Errorf("read back: %+v, %d bytes, meeting %d, %v", back, len(data), meeting, err)
		}
		if err := s.DeleteMaterial(ctx, other, got.ID); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("another org removes it: %v, want EFORBIDDEN", err)
		}
		if err := s.DeleteMaterial(ctx, f.drafter, got.ID); err != nil {
			t.Errorf("the office removes it: %v", err)
		}
		if _, _, _, err := s.FindMaterial(ctx, got.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("after removal: %v, want ENOTFOUND", err)
		}
	})
}
