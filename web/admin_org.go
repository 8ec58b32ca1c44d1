package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
	"congtac/vn"
)

// orgListPage is the data of admin_orgs.html: the org tree within the actor's reach, the
// form to add an org and, for the org chosen with ?edit=ID, its rename and merge forms.
type orgListPage struct {
	layout
	Rows      []orgRow
	Create    orgForm
	Edit      *orgEdit
	ShowAudit bool // link each org to its history in the audit log
}

func (orgListPage) template() string { return "admin_orgs" }

// orgRow is one org of the tree.
type orgRow struct {
	ID                                        int64
	Depth                                     int // 0 for a root; capped for styling
	Name, ShortName, Kind, ValidFrom, ValidTo string
	Successor                                 string // the org that took over, for an ended org
	Ended                                     bool
}

// orgForm is the create form as typed.
type orgForm struct {
	Name, ShortName, DisplayName, Kind, ParentID, ValidFrom string
	Kinds, Parents                                          []option
	Errors                                                  map[string]string
}

// orgEdit holds the forms of one org: rename, merge into a successor, and a group's members.
type orgEdit struct {
	ID                    int64
	Name                  string // the current name, for the heading
	Version               int
	Ended                 bool
	NewName, NewShortName string
	NewDisplayName        string
	RenameErrors          map[string]string
	SuccessorID, On       string
	Successors            []option
	MergeErrors           map[string]string
	Members               *memberForm // for a group only
}

// Fields returns the fields of the create form, as typed, with their messages.
func (f orgForm) Fields() []field {
	e := f.Errors
	return []field{
		newField(e, field{ID: "org_name", Name: "name", Label: "Tên", Value: f.Name, MaxLength: 200, Required: true}),
		newField(e, field{ID: "org_short_name", Name: "short_name", Label: "Tên viết tắt", Value: f.ShortName, MaxLength: 30}),
		newField(e, field{ID: "org_display_name", Name: "display_name", Label: "Tên ghi trong văn bản (bỏ trống: ghi tên đầy đủ)",
			Value: f.DisplayName, MaxLength: 200}),
		newField(e, field{Kind: fieldSelect, ID: "org_kind", Name: "kind", Label: "Loại", Options: f.Kinds}),
		newField(e, field{Kind: fieldSelect, ID: "org_parent", Name: "parent_id", Label: "Trực thuộc", Options: f.Parents}),
		newField(e, field{ID: "org_valid_from", Name: "valid_from", Label: "Hoạt động từ ngày (để trống: hôm nay)",
			Value: f.ValidFrom, Placeholder: "01/07/2025", InputMode: "numeric"}),
	}
}

// RenameFields returns the fields of the rename form, as typed, with their messages.
func (o orgEdit) RenameFields() []field {
	e := o.RenameErrors
	return []field{
		newField(e, field{ID: "rename_name", Name: "name", Label: "Tên mới", Value: o.NewName, MaxLength: 200, Required: true}),
		newField(e, field{ID: "rename_short_name", Name: "short_name", Label: "Tên viết tắt (dùng trong ký hiệu văn bản)",
			Value: o.NewShortName, MaxLength: 30}),
		newField(e, field{ID: "rename_display_name", Name: "display_name",
			Label: "Tên ghi trong văn bản (như Phòng Tài chính - KH; bỏ trống: ghi tên đầy đủ)", Value: o.NewDisplayName, MaxLength: 200}),
	}
}

// MergeFields returns the fields of the merge form, as typed, with their messages.
func (o orgEdit) MergeFields() []field {
	e := o.MergeErrors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "merge_successor", Name: "successor_id", Label: "Đơn vị kế thừa",
			Options: o.Successors, Required: true}),
		newField(e, field{ID: "merge_on", Name: "on", Label: "Từ ngày (ngày/tháng/năm)", Value: o.On, Placeholder: "01/07/2025",
			InputMode: "numeric", Required: true}),
	}
}

// maxOrgDepthShown is the deepest indentation the stylesheet draws.
const maxOrgDepthShown = 6

// orgListPageFor returns the org page with empty forms; edit, when not 0, opens the forms
// of that org, which must be within the actor's reach (else ENOTFOUND).
func (s *Server) orgListPageFor(r *http.Request, edit int64) (orgListPage, orgTree, error) {
	a := actorOf(r)
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		return orgListPage{}, tree, err
	}
	page := orgListPage{layout: s.layout(r, "Cơ quan, đơn vị"), ShowAudit: a.Can(congtac.ViewAudit)}
	for _, o := range tree.order {
		if tree.reaches(a, congtac.ManageOrgs, o.ID) {
			page.Rows = append(page.Rows, newOrgRow(tree, o))
		}
	}
	page.Create = orgForm{Kind: string(congtac.OrgDepartment)}
	page.Create.fillChoices(a, tree)
	if edit != 0 {
		o, ok := tree.byID[edit]
		if !ok || !tree.reaches(a, congtac.ManageOrgs, edit) {
			return orgListPage{}, tree, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy cơ quan, đơn vị này.")
		}
		page.Edit = &orgEdit{ID: o.ID, Name: o.Name, Version: o.Version, Ended: !o.ValidTo.IsZero(),
			NewName: o.Name, NewShortName: o.ShortName, NewDisplayName: o.DisplayName}
		page.Edit.fillChoices(a, tree)
		if o.IsGroup() {
			ids, err := s.memberIDs(r.Context(), o)
			if err != nil {
				return orgListPage{}, tree, err
			}
			page.Edit.Members = newMemberForm(a, tree, o, ids)
		}
	}
	return page, tree, nil
}

// newOrgRow returns the row of org o.
func newOrgRow(tree orgTree, o congtac.Org) orgRow {
	row := orgRow{ID: o.ID, Depth: min(tree.depth[o.ID], maxOrgDepthShown), Name: o.Name, ShortName: o.ShortName,
		Kind: o.Kind.Label(), ValidFrom: vn.PaddedDate(o.ValidFrom), ValidTo: vn.PaddedDate(o.ValidTo),
		Ended: !o.ValidTo.IsZero()}
	if o.Successor != 0 {
		row.Successor = tree.name(o.Successor)
	}
	return row
}

// fillChoices sets the kinds and parents the create form offers.
func (f *orgForm) fillChoices(a congtac.Actor, tree orgTree) {
	f.Kinds = nil
	for _, k := range congtac.OrgKinds {
		f.Kinds = append(f.Kinds, option{Value: string(k), Label: k.Label(), Selected: string(k) == f.Kind})
	}
	none := ""
	if congtac.ScopeOf(a.Role, congtac.ManageOrgs) == congtac.ScopeAll {
		none = "(Không có — cấp cao nhất)"
	}
	f.Parents = tree.choices(a, congtac.ManageOrgs, f.ParentID, none)
}

// fillChoices sets the successors the merge form offers: the active orgs within reach
// other than the org itself.
func (e *orgEdit) fillChoices(a congtac.Actor, tree orgTree) {
	e.Successors = nil
	for _, c := range tree.choices(a, congtac.ManageOrgs, e.SuccessorID, "(Chọn đơn vị kế thừa)") {
		if c.Value != strconv.FormatInt(e.ID, 10) {
			e.Successors = append(e.Successors, c)
		}
	}
}

// handleOrgList shows the org tree, ended orgs included and marked, with the create form
// and, with ?edit=ID, the forms of one org.
func (s *Server) handleOrgList(w http.ResponseWriter, r *http.Request) {
	edit, _ := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64)
	page, _, err := s.orgListPageFor(r, edit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// handleOrgCreate adds an org from the fields name, short_name, display_name, kind, parent_id and the
// optional valid_from (day/month/year, today when empty). The parent must be within the
// actor's reach; only a scope over every org may add a root.
func (s *Server) handleOrgCreate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	f := orgForm{Name: r.PostFormValue("name"), ShortName: r.PostFormValue("short_name"),
		DisplayName: r.PostFormValue("display_name"), Kind: r.PostFormValue("kind"),
		ParentID: r.PostFormValue("parent_id"), ValidFrom: r.PostFormValue("valid_from")}
	var p congtac.Problems
	o := congtac.Org{Name: f.Name, ShortName: f.ShortName, DisplayName: f.DisplayName, Kind: congtac.OrgKind(f.Kind),
		ParentID: parseFormID(&p, "parent_id", f.ParentID), ValidFrom: parseFormDate(&p, "valid_from", f.ValidFrom, false)}
	if o.ValidFrom.IsZero() {
		o.ValidFrom = congtac.DateOf(s.cfg.Now(), s.loc)
	}
	err := p.Err()
	if err == nil {
		o, err = s.st.CreateOrg(r.Context(), a, o)
	}
	if err != nil {
		s.refuseOrgForm(w, r, err, 0, func(page *orgListPage, tree orgTree) {
			f.Errors = congtac.FieldErrors(err)
			f.fillChoices(a, tree)
			page.Create = f
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã thêm %s.", o.Name))
	http.Redirect(w, r, "/admin/orgs", http.StatusSeeOther)
}

// refuseOrgForm answers a refused org form: the org page with the status of err and the
// form filled by fill, or the error page when err is not a form's refusal.
func (s *Server) refuseOrgForm(w http.ResponseWriter, r *http.Request, err error, edit int64,
	fill func(*orgListPage, orgTree)) {
	if _, ok := formProblems(err); !ok {
		s.fail(w, r, err)
		return
	}
	page, tree, perr := s.orgListPageFor(r, edit)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	fill(&page, tree)
	s.render(w, r, statusOf(err), page)
}

// editableOrg returns org {id} of the request's path, which must be within the actor's
// ManageOrgs reach (else ENOTFOUND), and the version the form was filled from.
func (s *Server) editableOrg(r *http.Request) (congtac.Org, int, error) {
	id, err := pathRecordID(r)
	if err != nil {
		return congtac.Org{}, 0, err
	}
	o, err := s.managedOrg(r.Context(), actorOf(r), id)
	if err != nil {
		return congtac.Org{}, 0, err
	}
	version, err := formVersion(r)
	return o, version, err
}

// managedOrg returns org id when it is within a's ManageOrgs reach; ENOTFOUND when it does
// not exist or is not. The org pages and the API find the orgs they change through it.
func (s *Server) managedOrg(ctx context.Context, a congtac.Actor, id int64) (congtac.Org, error) {
	o, err := s.st.FindOrgByID(ctx, id)
	if err != nil {
		return congtac.Org{}, err
	}
	if ok, err := s.st.Reaches(ctx, a, congtac.ManageOrgs, o.ID); err != nil {
		return congtac.Org{}, err
	} else if !ok {
		return congtac.Org{}, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy cơ quan, đơn vị này.")
	}
	return o, nil
}

// checkSuccessor adds a problem to the field successor_id unless succ names an org within
// a's ManageOrgs reach: the org that takes over the open work of a merged org.
func (s *Server) checkSuccessor(ctx context.Context, a congtac.Actor, p *congtac.Problems, succ int64) error {
	if succ == 0 {
		p.Add("successor_id", "Hãy chọn đơn vị kế thừa.")
		return nil
	}
	ok, err := s.st.Reaches(ctx, a, congtac.ManageOrgs, succ)
	if err == nil && !ok {
		p.Add("successor_id", "Bạn không quản lý đơn vị kế thừa này.")
	}
	return err
}

// handleOrgUpdate renames an org from the fields name, short_name and display_name, with the version
// the form was filled from (ECONFLICT when it moved: the 409 page). The old name stays in
// the audit log.
func (s *Server) handleOrgUpdate(w http.ResponseWriter, r *http.Request) {
	o, version, err := s.editableOrg(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name, short, display := r.PostFormValue("name"), r.PostFormValue("short_name"), r.PostFormValue("display_name")
	updated, err := s.st.UpdateOrg(r.Context(), actorOf(r), o.ID, version,
		congtac.OrgUpdate{Name: &name, ShortName: &short, DisplayName: &display})
	if err != nil {
		s.refuseOrgForm(w, r, err, o.ID, func(page *orgListPage, _ orgTree) {
			page.Edit.NewName, page.Edit.NewShortName, page.Edit.NewDisplayName = name, short, display
			page.Edit.RenameErrors = congtac.FieldErrors(err)
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã đổi tên %s thành %s.", o.Name, updated.Name))
	http.Redirect(w, r, "/admin/orgs", http.StatusSeeOther)
}

// handleOrgMerge ends an org on the day before the field on (day/month/year) and hands its
// open work to the org of the field successor_id, which must be within the actor's reach
// too. The flash says how many open tasks moved.
func (s *Server) handleOrgMerge(w http.ResponseWriter, r *http.Request) {
	o, version, err := s.editableOrg(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, succField, onField := actorOf(r), r.PostFormValue("successor_id"), r.PostFormValue("on")
	var p congtac.Problems
	succ := parseFormID(&p, "successor_id", succField)
	on := parseFormDate(&p, "on", onField, true)
	if err := s.checkSuccessor(r.Context(), a, &p, succ); err != nil {
		s.fail(w, r, err)
		return
	}
	moved := 0
	err = p.Err()
	if err == nil {
		moved, err = s.st.MergeOrg(r.Context(), a, o.ID, version, succ, on)
	}
	if err != nil {
		s.refuseOrgForm(w, r, err, o.ID, func(page *orgListPage, tree orgTree) {
			page.Edit.SuccessorID, page.Edit.On = succField, onField
			page.Edit.MergeErrors = relabelField(congtac.FieldErrors(err), "successor", "successor_id")
			page.Edit.fillChoices(a, tree)
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã sáp nhập %s từ ngày %s; %d nhiệm vụ đang thực hiện đã chuyển sang đơn vị kế thừa.",
		o.Name, vn.PaddedDate(on), moved))
	http.Redirect(w, r, "/admin/orgs", http.StatusSeeOther)
}

// relabelField moves the message of field from to field to, where a store error names a
// field differently from the form.
func relabelField(fields map[string]string, from, to string) map[string]string {
	if msg, ok := fields[from]; ok {
		delete(fields, from)
		fields[to] = msg
	}
	return fields
}
