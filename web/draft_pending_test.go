package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"congtac/store/storetest"
)

// TestDraftAfterAnUnissuedOne: with May's program still a draft, the office drafts June:
// June starts from April, the last issued program, and the editor, the flash and the API
// say that May is not issued yet, with a link to it. May's own draft, whose previous
// program is issued, says nothing of the kind.
func TestDraftAfterAnUnissuedOne(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			create := func(period string) apiProgramDetail {
				t.Helper()
				body := fmt.Sprintf(`{"org_id": %d, "period": %q, "as_of": "2023-04-30"}`, w.committee.ID, period)
				return valid[apiProgramDetail](t, w.s, w.drafter.call("POST", "/api/v1/programs", body), http.StatusCreated, "ProgramDetail")
			}
			may := create("2023-05")
			if may.PreviousPending != nil {
				t.Errorf("May, drafted after the issued April, names a pending program: %+v", may.PreviousPending)
			}
			june := create("2023-06")
			if june.PreviousPending == nil || june.PreviousPending.ID != may.ID || june.PreviousPending.Status != "draft" {
				t.Fatalf("June's previous_pending = %+v, want May's draft %d", june.PreviousPending, may.ID)
			}
			if len(june.Tasks) != 1 || deref(june.Tasks[0].CarriedFrom) != w.april.Tasks[0].ID {
				t.Errorf("June's tasks = %+v, want April's unfinished task carried from April", june.Tasks)
			}

			office := as(t, w.s, w.srv, "vanphong")
			r := office.post("/programs", url.Values{"org": {idText(w.committee.ID)}, "kind": {"month"}, "year": {"2023"}, "number": {"7"}})
			if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit") {
				t.Fatalf("create July = %d to %q:\n%s", r.status, r.location, mainExcerpt(r.body))
			}
			body := office.get(r.location).body
			note := "Chương trình tháng 6 năm 2023 chưa ban hành (dự thảo): dự thảo này chỉ chuyển tiếp nhiệm vụ của chương trình đã ban hành gần nhất."
			if strings.Count(body, note) != 2 {
				t.Errorf("July's editor should say June is pending twice (flash and notice):\n%s", mainExcerpt(body))
			}
			assertContains(t, body, fmt.Sprintf(`<a href="/programs/%d">Mở `, june.ID))
			if mayEdit := office.get(fmt.Sprintf("/programs/%d/edit", may.ID)).body; strings.Contains(mayEdit, "chưa ban hành (") {
				t.Errorf("May's editor names a pending program though April is issued")
			}
		})
	}
}
