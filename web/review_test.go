package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// step posts a lifecycle step (or, with no action, the program's own form) on the world's
// program with its current version.
func (w *editorWorld) step(t *testing.T, c *client, action string, extra url.Values) response {
	t.Helper()
	v := url.Values{"version": {strconv.Itoa(w.reload(t).Version)}}
	for k, vs := range extra {
		v[k] = vs
	}
	path := fmt.Sprintf("/programs/%d", w.p.ID)
	if action != "" {
		path += "/" + action
	}
	return c.post(path, v)
}

func TestReviewReturnFixApproveIssueAmend(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newEditorWorld(t, e)
			view := fmt.Sprintf("/programs/%d", w.p.ID)
			item := w.itemLabelled(t, "1.")
			mustRedirect(t, "submit", w.step(t, w.drafter, "submit", nil), view)
			mustRedirect(t, "the editor of a submitted program", w.drafter.get(view+"/edit"), view)
			page := w.chair.get(view)
			assertContains(t, page.body, "Phê duyệt", "Trả lại Văn phòng", `action="`+view+`/comments"`)
			assertLacks(t, page.body, `action="`+view+`/issue"`)

			remark := url.Values{"item_id": {idText(item.ID)}, "text": {"Bổ sung nhiệm vụ tổng kết năm"}}
			mustRedirect(t, "remark", w.chair.post(view+"/comments", remark), view+"#y-kien")
			r := w.step(t, w.chair, "return", url.Values{"comment": {"  "}})
			mustStatus(t, "return without remarks", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Khi trả lại cần ghi ý kiến")
			mustStatus(t, "a stale return", w.chair.post(view+"/return", url.Values{"version": {"1"}, "comment": {"x"}}), http.StatusConflict)
			mustRedirect(t, "return", w.step(t, w.chair, "return", url.Values{"comment": {"Chưa có nhiệm vụ tổng kết năm."}}), view)

			editor := w.editor(t)
			assertContains(t, editor, "Bổ sung nhiệm vụ tổng kết năm", "/resolve", "Lãnh đạo trả lại: Chưa có nhiệm vụ tổng kết năm.")
			comments, _ := w.st.FindReviewComments(ctxb, w.p.ID)
			mustRedirect(t, "resolve", w.drafter.post(fmt.Sprintf("/comments/%d/resolve", comments[0].ID),
				url.Values{"program": {idText(w.p.ID)}}), editorAt(w.p.ID, fmt.Sprintf("item-%d", item.ID)))
			mustStatus(t, "fix", w.drafter.post(fmt.Sprintf("/items/%d/tasks", item.ID),
				newTaskValues(w.p, "Tổng kết công tác năm 2026", "2", "trước ngày "+vn.ShortDate(w.month.Start().AddDays(24)))), http.StatusSeeOther)
			mustRedirect(t, "submit again", w.step(t, w.drafter, "submit", nil), view)
			mustRedirect(t, "approve", w.step(t, w.chair, "approve", nil), view)
			mustStatus(t, "the chair issues", w.step(t, w.chair, "issue", nil), http.StatusForbidden)
			r = w.step(t, w.cvp, "issue", url.Values{"issued_on": {"31/11/2026"}})
			mustStatus(t, "issue on a day that does not exist", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, `value="31/11/2026"`, "không đúng dạng")
			last := lastNumber(t, w.st)
			mustRedirect(t, "issue", w.step(t, w.cvp, "issue", url.Values{"issued_on": {vn.ShortDate(demoToday)}}), view)
			issued := w.reload(t)
			number := congtac.FormatNumber(last+1, issued.Symbol)
			page = w.cvp.get(view)
			assertContains(t, page.body, "Số: "+number, vn.DateLine("Sơn Hà", demoToday), "Đã ban hành",
				"Công bố trên trang công khai", "Điều chỉnh, bổ sung")
			mustRedirect(t, "the editor of an issued program", w.drafter.get(view+"/edit"), view)
			r = w.drafter.post(fmt.Sprintf("/items/%d", item.ID), url.Values{"program": {idText(w.p.ID)},
				"version": {strconv.Itoa(w.itemLabelled(t, "1.").Version)}, "heading": {"Sửa sau ban hành"}})
			mustStatus(t, "an issued program's item", r, http.StatusUnprocessableEntity)

			mustRedirect(t, "publish", w.step(t, w.drafter, "", url.Values{"public_only": {"1"}, "public": {"1"}}), view)
			if !w.reload(t).Public {
				t.Error("the issued program was not published")
			}

			r = w.cvp.get(view + "/versions")
			mustStatus(t, "versions", r, http.StatusOK)
			doc := html(t, r.body)
			if got := texts(doc, "table.versions tbody td:nth-child(2)"); strings.Join(got, ",") != "Trình duyệt,Trả lại,Trình duyệt,Phê duyệt,Ban hành" {
				t.Errorf("versions = %v", got)
			}
			assertContains(t, r.body, "Chưa có nhiệm vụ tổng kết năm.", "Hai phiên bản giống nhau.")
			r = w.cvp.get(view + "/versions?a=1&b=3")
			assertContains(t, r.body, "Tổng kết công tác năm 2026", "Thêm")
			mustStatus(t, "an unknown version", w.cvp.get(view+"/versions?a=9"), http.StatusUnprocessableEntity)

			r = w.step(t, w.cvp, "amend", nil)
			if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit") {
				t.Fatalf("amend = %d to %q", r.status, r.location)
			}
			mustStatus(t, "a second amendment", w.step(t, w.cvp, "amend", nil), http.StatusConflict)
			amend := w.cvp.get(r.location)
			assertContains(t, amend.body, "Soạn thảo: Điều chỉnh, bổ sung Chương trình c"+strings.TrimPrefix(w.p.Title, "C"),
				"Chương trình đã ban hành")
		})
	}
}

// lastNumber returns the last number taken from the demo province's register in
// demoToday's year, 0 when none has been yet.
func lastNumber(t *testing.T, st *store.Store) int {
	t.Helper()
	province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
	docs, _, err := st.FindDocuments(ctxb, congtac.DocumentFilter{OrgID: &province, Year: &demoToday.Year, Limit: 1})
	if err != nil {
		t.Fatalf("documents: %v", err)
	}
	if len(docs) == 0 {
		return 0
	}
	return docs[0].Number
}

func TestReviewRecallKeepsTheDraftAsHistory(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	view := fmt.Sprintf("/programs/%d", w.p.ID)
	mustRedirect(t, "submit", w.step(t, w.drafter, "submit", nil), view)
	assertContains(t, w.drafter.get(view).body, "Rút lại để sửa")
	mustRedirect(t, "recall", w.step(t, w.drafter, "recall", nil), view)
	body := w.editor(t)
	assertLacks(t, body, `action="`+view+`/delete"`)
	r := w.step(t, w.drafter, "delete", nil)
	mustStatus(t, "delete a recalled draft", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "không xóa được")
	mustStatus(t, "the reporter edits", w.rep.get(view+"/edit"), http.StatusForbidden)
	mustStatus(t, "the chairman approves a draft", w.step(t, w.chair, "approve", nil), http.StatusUnprocessableEntity)

	item := w.itemLabelled(t, "1.")
	form := url.Values{"program": {idText(w.p.ID)}, "version": {strconv.Itoa(item.Version)}, "heading": {"Về kinh tế"}}
	mustStatus(t, "save the item", w.drafter.post(fmt.Sprintf("/items/%d", item.ID), form), http.StatusSeeOther)
	form.Set("heading", "Về phát triển kinh tế, hạ tầng")
	r = w.cvp.post(fmt.Sprintf("/items/%d", item.ID), form)
	mustStatus(t, "a stale item", r, http.StatusConflict)
	assertContains(t, r.body, "Về phát triển kinh tế, hạ tầng", "Về kinh tế")
	form.Set("program", "999999")
	mustStatus(t, "an item of another program", w.drafter.post(fmt.Sprintf("/items/%d", item.ID), form), http.StatusNotFound)
}
