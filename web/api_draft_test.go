package web

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func init() {
	maps.Copy(dtoSchemas, map[string]any{
		"ProgramCreate": apiProgramCreate{}, "ProgramUpdate": apiProgramUpdate{}, "SignatureInput": apiSignatureInput{},
		"ProgramTransition": apiProgramTransition{}, "ProgramIssue": apiProgramIssue{}, "ProgramAmend": apiProgramAmend{},
		"CarriedDeadlines": apiCarriedDeadlines{}, "CarriedResult": apiCarriedResult{},
		"ProgramVersions": apiVersions{}, "ProgramVersion": apiVersion{}, "Change": apiChange{},
		"CommentCreate": apiCommentCreate{}, "ReviewComment": apiReviewComment{}, "ItemCreate": apiItemCreate{},
		"ItemUpdate": apiItemUpdate{}, "TaskCreate": apiTaskCreate{}, "TaskUpdate": apiTaskUpdate{},
		"DueInput": apiDueInput{}, "TargetInput": apiTargetInput{}, "Deadline": apiDeadline{},
		"OrgCreate": apiOrgCreate{}, "OrgUpdate": apiOrgUpdate{}, "Proposal": apiProposal{}, "ProposalCreate": apiProposalCreate{}, "ProposalDecision": apiProposalDecision{},
	})
}

// draftWorld is a commune committee of 2023 with its office, two departments and an
// issued April program, served by a test server, with API clients of its office drafter,
// its chairman and a reporter of a department.
type draftWorld struct {
	st                  *store.Store
	srv                 *httptest.Server
	s                   *Server
	committee, economy  congtac.Org
	culture, office     congtac.Org
	april               congtac.Program
	drafter, chair, rep *apiClient
}

func newDraftWorld(t *testing.T, e store.Engine) draftWorld {
	t.Helper()
	return newDraftWorldOf(t, e, true)
}

// newDraftWorldOf is [newDraftWorld] with the April program issued or left a draft.
func newDraftWorldOf(t *testing.T, e store.Engine, issueApril bool) draftWorld {
	t.Helper()
	st := storetest.Open(t, e)
	// Active, like its departments, since before the programs of 2023 it drafts.
	w := draftWorld{st: st, committee: mustCommitteeFrom(t, st, congtac.MustDate(2020, 1, 1))}
	org := func(kind congtac.OrgKind, name, short string) congtac.Org {
		o, err := st.CreateOrg(ctxb, congtac.System, congtac.Org{ParentID: w.committee.ID, Kind: kind, Name: name,
			ShortName: short, ValidFrom: congtac.MustDate(2020, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	w.office = org(congtac.OrgOffice, "Văn phòng HĐND và UBND", "VP")
	w.economy = org(congtac.OrgDepartment, "Phòng Kinh tế", "KT")
	w.culture = org(congtac.OrgDepartment, "Phòng Văn hóa - Xã hội", "VHXH")
	mustUser(t, st, "vanphong", congtac.RoleDrafter, w.committee.ID)
	mustUser(t, st, "chutich", congtac.RoleLeader, w.committee.ID)
	mustUser(t, st, "kinhte", congtac.RoleReporter, w.economy.ID)
	april, err := st.CreateProgram(ctxb, congtac.System, congtac.Program{OrgID: w.committee.ID, DraftedBy: w.office.ID,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}, Title: "Công tác tháng 4 năm 2023",
		Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"},
			{ID: 2, ParentID: 1, Heading: "Về phát triển kinh tế", Sector: congtac.SectorEconomy},
			{ID: 3, ParentID: 2, Text: "Hoàn thành chuẩn bị đầu tư đường giao thông."}},
		Tasks: []congtac.Task{{ItemID: 3, Text: "Khởi công các công trình đường giao thông", Lead: w.economy.ID,
			Sector: congtac.SectorEconomy, Due: congtac.DueInMonth(2023, 4)}}})
	if err != nil {
		t.Fatal(err)
	}
	if issueApril {
		mustIssue(t, st, april, congtac.MustDate(2023, 4, 3))
	}
	if w.april, err = st.FindProgramByID(ctxb, april.ID); err != nil {
		t.Fatal(err)
	}
	w.s, _ = newTestServer(t, st)
	w.srv = startServer(t, w.s)
	w.drafter, w.chair = bearerClient(t, st, w.srv, "vanphong"), bearerClient(t, st, w.srv, "chutich")
	w.rep = bearerClient(t, st, w.srv, "kinhte")
	return w
}

// newDraftWorldOn is [newDraftWorld] with the store's and the server's clock stopped at now.
func newDraftWorldOn(t *testing.T, e store.Engine, now time.Time) draftWorld {
	t.Helper()
	w := newDraftWorld(t, e)
	clock := func() time.Time { return now }
	w.st.SetClock(clock)
	w.s.cfg.Now = clock
	return w
}

// valid checks r against the schema the OpenAPI document gives it and decodes it.
func valid[T any](t *testing.T, s *Server, r response, status int, schema string) T {
	t.Helper()
	checkSchema(t, schema, r, status, schRef(schema), s.openAPI().Components.Schemas)
	return decodeAs[T](t, r, status)
}

// TestAPIDraftReviewIssue: the office drafts May from April through the API, adds an item
// and a task due "chậm nhất trong tháng 6/2023", submits; the chairman returns it with a
// comment; the office fixes and resubmits; the chairman approves; the office issues it and
// gets the next number; the versions and their changes are there.
func TestAPIDraftReviewIssue(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			create := fmt.Sprintf(`{"org_id": %d, "period": "2023-05", "as_of": "2023-04-30"}`, w.committee.ID)
			apiErrorOf(t, w.rep.call("POST", "/api/v1/programs", create), http.StatusForbidden, congtac.EFORBIDDEN)
			may := valid[apiProgramDetail](t, w.s, w.drafter.call("POST", "/api/v1/programs", create), http.StatusCreated, "ProgramDetail")
			if may.Period.Key != "2023-05" || may.Status != "draft" || len(may.Tasks) != 1 || may.Tasks[0].CarriedFrom == nil {
				t.Fatalf("May's draft = %+v, want April's unfinished task carried over", may)
			}
			apiErrorOf(t, w.drafter.call("POST", "/api/v1/programs", create), http.StatusConflict, congtac.ECONFLICT)
			prog := fmt.Sprintf("/api/v1/programs/%d", may.ID)
			apiErrorOf(t, w.rep.call("GET", prog, ""), http.StatusNotFound, congtac.ENOTFOUND)

			parent := may.Items[0].ID
			item := valid[apiItem](t, w.s, w.drafter.call("POST", prog+"/items",
				fmt.Sprintf(`{"parent_id": %d, "heading": "Về cải cách hành chính", "sector": "internal_affairs"}`, parent)),
				http.StatusCreated, "Item")
			if item.Label == "" || item.Version != 1 || deref(item.ParentID) != parent {
				t.Errorf("new item = %+v", item)
			}
			task := valid[apiTask](t, w.s, w.drafter.call("POST", fmt.Sprintf("/api/v1/items/%d/tasks", item.ID),
				fmt.Sprintf(`{"text": "Rà soát thủ tục hành chính", "lead": %d, "support": [%d],
					"due": {"text": "chậm nhất trong tháng 6/2023"}}`, w.culture.ID, w.economy.ID)), http.StatusCreated, "Task")
			if deref(task.Due.Date) != "2023-06-30" || deref(task.Due.Precision) != "month" || task.Due.Text != "chậm nhất trong tháng 6/2023" {
				t.Errorf("task due = %+v, want 2023-06-30 by month", task.Due)
			}
			taskPath := fmt.Sprintf("/api/v1/tasks/%d", task.ID)
			apiErrorOf(t, w.drafter.call("PATCH", taskPath, `{"version": 7, "text": "Khác"}`), http.StatusConflict, congtac.ECONFLICT)
			p := decodeAs[apiProgram](t, w.drafter.call("PATCH", prog,
				fmt.Sprintf(`{"version": %d, "signature": {"lines": ["TM. Ủy ban nhân dân"], "title": "Chủ tịch", "name": "Nguyễn Văn A"}}`,
					may.Version)), http.StatusOK)
			apiErrorOf(t, w.drafter.call("PATCH", prog, fmt.Sprintf(`{"version": %d, "title": "Cũ"}`, may.Version)),
				http.StatusConflict, congtac.ECONFLICT)

			step := func(c *apiClient, action, comment string, want int) apiProgram {
				t.Helper()
				body := fmt.Sprintf(`{"version": %d, "action": %q, "comment": %q}`, p.Version, action, comment)
				r := c.call("POST", prog+"/transitions", body)
				if want != http.StatusOK {
					apiErrorOf(t, r, want, map[int]string{403: congtac.EFORBIDDEN, 422: congtac.EINVALID}[want])
					return p
				}
				return valid[apiProgram](t, w.s, r, http.StatusOK, "Program")
			}
			// April's task came with April's deadline: submitting waits for the office's choice.
			refused := apiErrorOf(t, w.drafter.call("POST", prog+"/transitions", fmt.Sprintf(`{"version": %d, "action": "submit"}`, p.Version)),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if !strings.Contains(refused.Message, "hạn cũ tháng 4/2023") || len(refused.Fields) != 1 {
				t.Errorf("submit with an undecided carried deadline: %+v", refused)
			}
			apiErrorOf(t, w.drafter.call("POST", prog+"/carried-deadlines", `{"due": "trong tháng 8/2023"}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if got := valid[apiCarriedResult](t, w.s, w.drafter.call("POST", prog+"/carried-deadlines", `{"due": "chậm nhất ngày 20/5/2023"}`),
				http.StatusOK, "CarriedResult"); got.Changed != 1 {
				t.Errorf("carried deadlines changed %d, want 1", got.Changed)
			}
			p = step(w.drafter, "submit", "", http.StatusOK)
			step(w.drafter, "approve", "", http.StatusForbidden)
			valid[apiReviewComment](t, w.s, w.chair.call("POST", prog+"/comments",
				fmt.Sprintf(`{"item_id": %d, "text": "Ghi rõ cơ quan phối hợp."}`, item.ID)), http.StatusCreated, "ReviewComment")
			step(w.chair, "return", "", http.StatusUnprocessableEntity)
			if p = step(w.chair, "return", "Bổ sung cơ quan phối hợp cho nhiệm vụ mới.", http.StatusOK); p.Status != "returned" {
				t.Fatalf("after return: %s", p.Status)
			}
			task = decodeAs[apiTask](t, w.drafter.call("PATCH", taskPath, fmt.Sprintf(`{"version": %d, "support": [%d, %d]}`,
				task.Version, w.economy.ID, w.office.ID)), http.StatusOK)
			if len(task.Supports) != 2 {
				t.Errorf("supports after the fix = %+v", task.Supports)
			}
			p = step(w.drafter, "submit", "", http.StatusOK)
			if p = step(w.chair, "approve", "", http.StatusOK); p.Status != "approved" {
				t.Fatalf("after approval: %s", p.Status)
			}
			apiErrorOf(t, w.drafter.call("POST", prog+"/issue", fmt.Sprintf(`{"version": %d, "copies": -3}`, p.Version)),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			issued := valid[apiProgram](t, w.s, w.drafter.call("POST", prog+"/issue",
				fmt.Sprintf(`{"version": %d, "issued_on": "2023-05-04", "copies": 25, "keeper": "VT, VP"}`, p.Version)), http.StatusOK, "Program")
			if deref(issued.Code) != "02/CTr-UBND" || deref(issued.IssuedOn) != "2023-05-04" || issued.Status != "issued" {
				t.Errorf("issued = %+v, want number 02 after April's 01", issued)
			}
			docs, _, err := w.st.FindDocuments(ctxb, congtac.DocumentFilter{ID: issued.DocumentID})
			if err != nil || len(docs) != 1 || docs[0].Copies != 25 || docs[0].Keeper != "VT, VP" {
				t.Errorf("register entry %+v, %v; want 25 copies kept by VT, VP", docs, err)
			}

			vs := getAs[apiVersions](w.drafter, prog+"/versions", http.StatusOK)
			var actions []string
			for _, v := range vs.Versions {
				actions = append(actions, v.Action)
			}
			if got := strings.Join(actions, " "); got != "submit return submit approve issue" || vs.Changes != nil {
				t.Fatalf("versions = %q, changes %v", got, vs.Changes)
			}
			if vs.Versions[1].Comment == "" || vs.Versions[1].ByName != "chutich" {
				t.Errorf("the return = %+v, want the chairman's comment", vs.Versions[1])
			}
			diff := valid[apiVersions](t, w.s, w.drafter.call("GET", prog+"/versions?a=2&b=3", ""), http.StatusOK, "ProgramVersions")
			if len(diff.Changes) != 1 || diff.Changes[0].Field != "Cơ quan phối hợp" ||
				diff.Changes[0].After != "Phòng Kinh tế, Văn phòng HĐND và UBND" {
				t.Errorf("changes from the return to the resubmission = %+v", diff.Changes)
			}
			apiErrorOf(t, w.drafter.call("GET", prog+"/versions?a=2", ""), http.StatusBadRequest, congtac.EINVALID)
			apiErrorOf(t, w.drafter.call("GET", prog+"/versions?a=2&b=9", ""), http.StatusBadRequest, congtac.EINVALID)
			apiErrorOf(t, w.rep.call("GET", prog+"/versions", ""), http.StatusForbidden, congtac.EFORBIDDEN)
			apiErrorOf(t, w.drafter.call("DELETE", fmt.Sprintf("%s?version=%d", prog, issued.Version), ""),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if got := getAs[apiProgram](w.rep, prog, http.StatusOK); got.ID != may.ID {
				t.Errorf("the reporter reads the issued program as %d", got.ID)
			}

			amend := fmt.Sprintf(`{"version": %d}`, issued.Version)
			apiErrorOf(t, w.drafter.call("POST", prog+"/amend", `{"version": 1}`), http.StatusConflict, congtac.ECONFLICT)
			apiErrorOf(t, w.rep.call("POST", prog+"/amend", amend), http.StatusForbidden, congtac.EFORBIDDEN)
			amendment := valid[apiProgramDetail](t, w.s, w.drafter.call("POST", prog+"/amend", amend), http.StatusCreated, "ProgramDetail")
			if deref(amendment.AmendsID) != may.ID || amendment.Status != "draft" || len(amendment.Tasks) != len(may.Tasks)+1 {
				t.Errorf("amendment = %+v, want a draft copying May's %d tasks", amendment.apiProgram, len(may.Tasks)+1)
			}
			apiErrorOf(t, w.drafter.call("POST", prog+"/amend", amend), http.StatusConflict, congtac.ECONFLICT)
		})
	}
}

// TestAPIDraftEditing: items and tasks of a draft are added, moved, changed and removed
// with their versions; bad input names its field; a program one cannot change is 403 and
// one one cannot read 404.
func TestAPIDraftEditing(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) { testAPIDraftEditing(t, newDraftWorld(t, e)) })
	}
}

func testAPIDraftEditing(t *testing.T, w draftWorld) {
	june := decodeAs[apiProgramDetail](t, w.drafter.call("POST", "/api/v1/programs",
		fmt.Sprintf(`{"org_id": %d, "period": "2023-06"}`, w.committee.ID)), http.StatusCreated)
	prog := fmt.Sprintf("/api/v1/programs/%d", june.ID)
	a := decodeAs[apiItem](t, w.drafter.call("POST", prog+"/items", `{"heading": "PHẦN MỘT"}`), http.StatusCreated)
	b := decodeAs[apiItem](t, w.drafter.call("POST", prog+"/items", `{"heading": "PHẦN HAI"}`), http.StatusCreated)
	if b.Position <= a.Position {
		t.Errorf("positions %d then %d: a new item goes last", a.Position, b.Position)
	}
	itemPath := fmt.Sprintf("/api/v1/items/%d", b.ID)
	moved := decodeAs[apiItem](t, w.drafter.call("PATCH", itemPath,
		fmt.Sprintf(`{"version": %d, "parent_id": %d, "style": "lower_letter"}`, b.Version, a.ID)), http.StatusOK)
	if deref(moved.ParentID) != a.ID || moved.Label != "a)" || moved.Heading != "PHẦN HAI" || moved.Version != 2 {
		t.Errorf("moved item = %+v", moved)
	}
	top := decodeAs[apiItem](t, w.drafter.call("PATCH", itemPath, `{"version": 2, "parent_id": null, "style": null}`), http.StatusOK)
	if top.ParentID != nil || top.Style != nil {
		t.Errorf("item back at the top = %+v", top)
	}
	// A malformed change read at a stale version is malformed first: 422, not 409.
	apiErrorOf(t, w.drafter.call("PATCH", itemPath, `{"version": 1, "style": "khong_co"}`), http.StatusUnprocessableEntity, congtac.EINVALID)
	apiErrorOf(t, w.drafter.call("PATCH", itemPath, `{"version": 1, "heading": "Mới"}`), http.StatusConflict, congtac.ECONFLICT)
	tasks := fmt.Sprintf("/api/v1/items/%d/tasks", a.ID)
	for _, tc := range []struct{ body, field string }{
		{fmt.Sprintf(`{"text": "X", "lead": %d, "due": {"text": "31/4/2023"}}`, w.economy.ID), "due"},
		{fmt.Sprintf(`{"text": "X", "lead": %d, "due": {"text": "trong tháng 9/2023"}}`, w.economy.ID), "due"},
		{`{"text": "X", "lead": 987654}`, "lead"},
		{`{"text": "X"}`, "lead"},
		{fmt.Sprintf(`{"text": "X", "lead": %d, "recurrence": "FREQ=DAILY"}`, w.economy.ID), "recurrence"},
		{fmt.Sprintf(`{"text": "X", "lead": %d, "leader_id": 987654}`, w.economy.ID), "leader_id"},
		{fmt.Sprintf(`{"text": "X", "lead": %d, "khong_co": 1}`, w.economy.ID), "khong_co"},
	} {
		e := apiErrorOf(t, w.drafter.call("POST", tasks, tc.body), http.StatusUnprocessableEntity, congtac.EINVALID)
		if e.Fields[tc.field] == "" {
			t.Errorf("POST %s: fields %v, want %q named", tc.body, e.Fields, tc.field)
		}
	}
	monthly := decodeAs[apiTask](t, w.drafter.call("POST", tasks, fmt.Sprintf(`{"text": "Báo cáo tiến độ giải ngân",
		"lead": %d, "due": {"text": "từng tháng"}, "target": {"comparator": ">=", "value": 95, "unit": "%%"}}`,
		w.economy.ID)), http.StatusCreated)
	if monthly.Recurrence == nil || monthly.Target == nil || monthly.Target.Value != 95 {
		t.Errorf("monthly task = %+v, want a recurrence and a target", monthly)
	}
	taskPath := fmt.Sprintf("/api/v1/tasks/%d", monthly.ID)
	once := decodeAs[apiTask](t, w.drafter.call("PATCH", taskPath, fmt.Sprintf(`{"version": %d, "due": {"date": "2023-06-15"},
		"recurrence": null, "target": null, "item_id": %d}`, monthly.Version, b.ID)), http.StatusOK)
	if once.Recurrence != nil || once.Target != nil || deref(once.Due.Date) != "2023-06-15" || deref(once.ItemID) != b.ID {
		t.Errorf("task made one-off = %+v", once)
	}
	apiErrorOf(t, w.drafter.call("PATCH", taskPath, `{"version": 1, "text": " "}`), http.StatusUnprocessableEntity, congtac.EINVALID)
	e := apiErrorOf(t, w.drafter.call("PATCH", taskPath, fmt.Sprintf(`{"version": %d, "item_id": %d}`, once.Version,
		w.april.Items[0].ID)), http.StatusUnprocessableEntity, congtac.EINVALID)
	if e.Fields["item_id"] == "" {
		t.Errorf("moving a task into another program's item: %v", e.Fields)
	}
	apiErrorOf(t, w.drafter.call("DELETE", taskPath, ""), http.StatusBadRequest, congtac.EINVALID)
	apiErrorOf(t, w.drafter.call("DELETE", taskPath+"?version=1", ""), http.StatusConflict, congtac.ECONFLICT)
	if r := w.drafter.call("DELETE", fmt.Sprintf("%s?version=%d", taskPath, once.Version), ""); r.status != http.StatusNoContent {
		t.Errorf("delete task = %d %s", r.status, r.body)
	}
	apiErrorOf(t, w.drafter.call("GET", taskPath, ""), http.StatusNotFound, congtac.ENOTFOUND)
	if r := w.drafter.call("DELETE", fmt.Sprintf("/api/v1/items/%d?version=1", a.ID), ""); r.status != http.StatusNoContent {
		t.Errorf("delete item = %d %s", r.status, r.body)
	}
	// The reporter: the draft's items and tasks are out of sight, issued ones out of reach.
	apiErrorOf(t, w.rep.call("POST", prog+"/items", `{"heading": "X"}`), http.StatusForbidden, congtac.EFORBIDDEN)
	mustUser(t, w.st, "vanphongkhac", congtac.RoleDrafter, w.economy.ID)
	other := bearerClient(t, w.st, w.srv, "vanphongkhac")
	apiErrorOf(t, other.call("PATCH", itemPath, `{"version": 3, "text": "X"}`), http.StatusNotFound, congtac.ENOTFOUND)
	// An item is read back where its creation said, by those who may read its draft only.
	if got := getAs[apiItem](w.drafter, itemPath, http.StatusOK); got.ID != b.ID || got.Heading != "PHẦN HAI" || got.Version != 3 {
		t.Errorf("GET %s = %+v", itemPath, got)
	}
	apiErrorOf(t, other.call("GET", itemPath, ""), http.StatusNotFound, congtac.ENOTFOUND)
	apiErrorOf(t, w.rep.call("GET", itemPath, ""), http.StatusNotFound, congtac.ENOTFOUND)
	apiErrorOf(t, other.call("PATCH", prog, `{"version": 1, "title": "X"}`), http.StatusNotFound, congtac.ENOTFOUND)
	apiErrorOf(t, other.call("POST", fmt.Sprintf("/api/v1/programs/%d/items", w.april.ID), `{"heading": "X"}`),
		http.StatusForbidden, congtac.EFORBIDDEN)
	apiErrorOf(t, w.drafter.call("POST", fmt.Sprintf("/api/v1/programs/%d/items", w.april.ID), `{"heading": "X"}`),
		http.StatusUnprocessableEntity, congtac.EINVALID)
	if r := w.drafter.call("DELETE", fmt.Sprintf("%s?version=%d", prog, june.Version), ""); r.status != http.StatusNoContent {
		t.Errorf("delete the June draft = %d %s", r.status, r.body)
	}
}

// TestAPIDeadlines: phrases are read as of ref, the way the editor shows them back.
func TestAPIDeadlines(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	c := bearerClient(t, st, startServer(t, s), "phongbaocao")
	for _, tc := range []struct {
		text, ref        string
		date, label, rec string
		vague, hasError  bool
	}{
		{"chậm nhất trong tháng 6/2023", "2023-05-01", "2023-06-30", "tháng 6/2023", "", false, false},
		{"trong Quý II", "2023-05-01", "2023-06-30", "quý II/2023", "", false, false},
		{"từng tháng", "2023-05-01", "", "từng tháng", "Hằng tháng", false, false},
		{"trong dịp nghỉ hè", "2023-05-01", "", "trong dịp nghỉ hè", "", true, false},
		{"31/4/2023", "2023-05-01", "", "31/4/2023", "", false, true},
		{"", "", "", "", "", false, false},
	} {
		d := getAs[apiDeadline](c, "/api/v1/deadlines?text="+url.QueryEscape(tc.text)+"&ref="+tc.ref, http.StatusOK)
		if deref(d.Due.Date) != tc.date || d.Due.Label != tc.label || deref(d.RecurrenceLabel) != tc.rec ||
			d.Vague != tc.vague || (d.Error != nil) != tc.hasError {
			t.Errorf("%q = %+v (recurrence %v, error %v)", tc.text, d, deref(d.RecurrenceLabel), deref(d.Error))
		}
	}
	apiErrorOf(t, c.call("GET", "/api/v1/deadlines?text=x&ref=1/5/2023", ""), http.StatusBadRequest, congtac.EINVALID)
}
