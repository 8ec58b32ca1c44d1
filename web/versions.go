package web

import (
	"fmt"
	"net/http"
	"strconv"

	"congtac"
	"congtac/vn"
)

// versionsPage is the data of program_versions.html: the versions of a program kept at each
// step of its life, and what changed between two of them.
type versionsPage struct {
	layout
	Href      string // the program
	Versions  []versionRow
	A, B      string // the versions compared: a number, or "0" for the program as it is now
	ChoicesA  []option
	ChoicesB  []option
	Changes   []changeRow
	Compared  bool // two versions were compared
	FromLabel string
	ToLabel   string
	Errors    map[string]string
}

func (versionsPage) template() string { return "program_versions" }

// CompareFields returns the fields choosing the two versions to compare, with their
// messages.
func (p versionsPage) CompareFields() []field {
	e := p.Errors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "v-a", Name: "a", Label: "Từ", Options: p.ChoicesA}),
		newField(e, field{Kind: fieldSelect, ID: "v-b", Name: "b", Label: "Đến", Options: p.ChoicesB}),
	}
}

// versionRow is one kept version: who took which step when, with the signer's remarks.
type versionRow struct {
	Number            int
	Action, By, At    string
	Comment, DiffHref string
}

// changeRow is one difference between the versions compared.
type changeRow struct {
	Op, OpLabel, Entity, Where, Field, Before, After string
	Moved                                            string // a task moved: "từ mục 1.2 sang mục 2.1"
}

// handleProgramVersions lists the versions of a program the actor may read as a draft
// (ViewDrafts on its org, else 404), oldest first, and the differences between versions a
// and b of the query (numbers, 0 for the program as it is now; by default the last two, or
// the only one and now). Unknown numbers are 422 with the list.
func (s *Server) handleProgramVersions(w http.ResponseWriter, r *http.Request) {
	p, ok := s.reviewedProgram(w, r, congtac.ViewDrafts)
	if !ok {
		return
	}
	ctx := r.Context()
	vs, err := s.st.FindProgramVersions(ctx, p.ID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: program versions: %w", err))
		return
	}
	page := versionsPage{layout: s.layout(r, "Các phiên bản: "+vn.Capitalize(p.Title)), Href: fmt.Sprintf("/programs/%d", p.ID),
		Errors: map[string]string{}}
	if page.Versions, err = s.versionRows(r, p.ID, vs); err != nil {
		s.fail(w, r, err)
		return
	}
	contents := map[string]congtac.Program{"0": p}
	labels := map[string]string{"0": "Hiện tại"}
	for _, v := range vs {
		n := strconv.Itoa(v.Number)
		contents[n], labels[n] = v.Content, fmt.Sprintf("Phiên bản %d – %s", v.Number, v.Action.Label())
	}
	page.A, page.B = defaultPair(vs)
	status := http.StatusOK
	for key, dst := range map[string]*string{"a": &page.A, "b": &page.B} {
		if v := r.URL.Query().Get(key); v != "" {
			if _, ok := contents[v]; !ok {
				page.Errors[key] = fmt.Sprintf("Không có phiên bản %q.", v)
				status = http.StatusUnprocessableEntity
				continue
			}
			*dst = v
		}
	}
	page.ChoicesA, page.ChoicesB = versionOptions(vs, page.A), versionOptions(vs, page.B)
	if page.A != "" && page.B != "" && status == http.StatusOK {
		page.Compared, page.FromLabel, page.ToLabel = true, labels[page.A], labels[page.B]
		if page.Changes, err = s.changeRows(r, contents[page.A], contents[page.B]); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, status, page)
}

// defaultPair returns the versions compared when the query names none: the last two, the
// only one and the program now, or none.
func defaultPair(vs []congtac.ProgramVersion) (string, string) {
	switch n := len(vs); n {
	case 0:
		return "", ""
	case 1:
		return "1", "0"
	default:
		return strconv.Itoa(vs[n-2].Number), strconv.Itoa(vs[n-1].Number)
	}
}

// versionOptions returns the versions as choices, and the program now, marking chosen.
func versionOptions(vs []congtac.ProgramVersion, chosen string) []option {
	var out []option
	for _, v := range vs {
		n := strconv.Itoa(v.Number)
		out = append(out, option{Value: n, Label: fmt.Sprintf("%d – %s", v.Number, v.Action.Label()), Selected: n == chosen})
	}
	return append(out, option{Value: "0", Label: "Hiện tại", Selected: chosen == "0"})
}

// versionRows returns the rows of versions vs of program id, naming their authors.
func (s *Server) versionRows(r *http.Request, id int64, vs []congtac.ProgramVersion) ([]versionRow, error) {
	names := map[int64]string{}
	var out []versionRow
	for i, v := range vs {
		if _, ok := names[v.By]; !ok && v.By != 0 {
			u, err := s.st.FindUserByID(r.Context(), v.By)
			if err != nil && congtac.ErrorCode(err) != congtac.ENOTFOUND {
				return nil, fmt.Errorf("web: program versions: %w", err)
			}
			names[v.By] = u.DisplayName
		}
		row := versionRow{Number: v.Number, Action: v.Action.Label(), By: names[v.By], At: instantText(v.At, s.loc),
			Comment: v.Comment}
		if i > 0 {
			row.DiffHref = fmt.Sprintf("/programs/%d/versions?a=%d&b=%d", id, vs[i-1].Number, v.Number)
		}
		out = append(out, row)
	}
	return out, nil
}

// changeOpLabels name the kinds of [congtac.Change].
var changeOpLabels = map[string]string{"add": "Thêm", "remove": "Bỏ", "change": "Sửa", "move": "Chuyển"}

// changeRows returns the differences from program a to b, naming orgs and people.
func (s *Server) changeRows(r *http.Request, a, b congtac.Program) ([]changeRow, error) {
	orgs, err := s.loadOrgs(r.Context())
	if err != nil {
		return nil, err
	}
	var people []int64
	for _, t := range append(append([]congtac.Task{}, a.Tasks...), b.Tasks...) {
		people = append(people, t.LeaderID)
	}
	names, err := s.personNames(r.Context(), people...)
	if err != nil {
		return nil, err
	}
	var out []changeRow
	for _, c := range congtac.Diff(a, b, orgs.Name, func(id int64) string { return names[id] }) {
		row := changeRow{Op: c.Op, OpLabel: changeOpLabels[c.Op],
			Entity: map[string]string{"program": "Chương trình", "item": "Mục", "task": "Nhiệm vụ"}[c.Entity],
			Where:  c.Where, Field: c.Field, Before: c.Before, After: c.After}
		if c.Op == "move" {
			row.Moved = "từ " + c.Before + " sang " + c.After
		}
		out = append(out, row)
	}
	return out, nil
}
