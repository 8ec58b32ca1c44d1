package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

// TestReviewReturnRemarkOnProgramPage: the remark the signer writes when returning a
// program is on the program's page for everyone who reads the draft, with who returned it
// and when; once the office submits again it stays as the previous return's remark.
func TestReviewReturnRemarkOnProgramPage(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newEditorWorld(t, e)
			view := fmt.Sprintf("/programs/%d", w.p.ID)
			assertLacks(t, w.cvp.get(view).body, "h-return")
			remark := "Bổ sung nhiệm vụ tổng kết công tác năm và thời hạn cụ thể."
			mustRedirect(t, "submit", w.step(t, w.drafter, "submit", nil), view)
			mustRedirect(t, "return", w.step(t, w.chair, "return", url.Values{"comment": {remark}}), view)
			chair, err := w.st.FindUserByLogin(ctxb, "chutich")
			if err != nil {
				t.Fatal(err)
			}
			vs, err := w.st.FindProgramVersions(ctxb, w.p.ID)
			if err != nil || len(vs) != 2 || vs[1].Action != congtac.ActionReturn {
				t.Fatalf("versions %+v, %v; want submit and return", vs, err)
			}
			when := instantText(vs[1].At, w.s.loc)
			for _, c := range []*client{w.cvp, w.drafter, w.chair} {
				doc := html(t, c.get(view).body)
				got := strings.Join(texts(doc, "section.return-note"), " ")
				for _, want := range []string{"Lãnh đạo trả lại chương trình", remark, "Trả lại bởi " + chair.DisplayName + ", " + when} {
					if !strings.Contains(got, want) {
						t.Errorf("the return note reads %q, want %q in it", got, want)
					}
				}
			}

			mustRedirect(t, "submit again", w.step(t, w.drafter, "submit", nil), view)
			got := strings.Join(texts(html(t, w.chair.get(view).body), "section.return-note"), " ")
			for _, want := range []string{"Ý kiến khi trả lại lần trước", remark, "đã được trình lại"} {
				if !strings.Contains(got, want) {
					t.Errorf("after submitting again the note reads %q, want %q in it", got, want)
				}
			}
			if strings.Contains(got, "Lãnh đạo trả lại chương trình") {
				t.Errorf("a program submitted again is still shown as returned: %q", got)
			}
		})
	}
}
