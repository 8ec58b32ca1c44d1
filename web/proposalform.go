package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// proposalForm is the form with which a unit (or the office, for a unit) proposes content
// for a coming program. It keeps what was typed, so that a form refused with 422 comes back
// as it was sent, each message by its field.
type proposalForm struct {
	Period     string // the period's key, carried from the page
	Ref        string // the period's first day, from which the deadline field reads phrases
	Org        string
	Orgs       []option // the orgs the actor may propose for; asked when more than one
	Committee  string
	Committees []option // the committees above the actor's org; asked when more than one
	Kind       string
	Kinds      []option
	Text       string
	Sector     string
	Sectors    []option
	Lead       string
	Support    []string
	Leads      []option // every active org, for lead and support
	Supports   []option // the same, with the chosen supports marked
	DueText    string
	Source     string
	Errors     map[string]string
	General    []string // messages that belong to no field
}

// OrgField returns the field of the org proposing, as chosen, with its message.
func (f proposalForm) OrgField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "n-org", Name: "org", Key: "org_id", Label: "Đơn vị đăng ký",
		OrgPicker: true, Blank: "Đơn vị của tôi", Options: f.Orgs})
}

// CommitteeField returns the field of the committee whose program the proposal is for.
func (f proposalForm) CommitteeField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "n-committee", Name: "committee", Key: "committee_id",
		Label: "Chương trình của", Blank: "Ủy ban gần nhất của đơn vị", Options: f.Committees})
}

// KindError returns the message on the kind of content, for the fieldset of its radio
// buttons.
func (f proposalForm) KindError() field {
	return newField(f.Errors, field{ID: "n-kind", Name: "kind"})
}

// DetailFields returns the fields of what is proposed, as typed, with their messages.
func (f proposalForm) DetailFields() []field {
	e := f.Errors
	return []field{
		newField(e, field{Kind: fieldTextarea, ID: "n-text", Name: "text", Label: "Nội dung", Rows: 4, Required: true,
			Value: f.Text}),
		newField(e, field{Kind: fieldSelect, ID: "n-sector", Name: "sector", Label: "Lĩnh vực", Blank: "Không ghi",
			Options: f.Sectors}),
		newField(e, field{Kind: fieldSelect, ID: "n-lead", Name: "lead", Label: "Cơ quan chủ trì (nhiệm vụ, nội dung trình hội nghị)",
			OrgPicker: true, Blank: "Đơn vị đăng ký", Options: f.Leads}),
		newField(e, field{Kind: fieldSelect, ID: "n-support", Name: "support", Label: "Cơ quan phối hợp",
			Multiple: true, Size: 6, OrgPicker: true, Options: f.Supports}),
		newField(e, field{ID: "n-due", Name: "due_text", Value: f.DueText, Deadline: true, Ref: f.Ref,
			Label: "Thời hạn (như thường viết: “chậm nhất trong tháng 6/2023”, “trong Quý II”)"}),
		newField(e, field{ID: "n-source", Name: "source", Label: "Căn cứ (văn bản chỉ đạo, nếu có)", Value: f.Source}),
	}
}

// proposalFields are the fields of [proposalForm] that show their own messages, by the
// names the store and [completeProposal] give them.
var proposalFields = []string{"org_id", "committee_id", "kind", "text", "sector", "lead", "support", "due_text"}

// proposalKindOrder lists the kinds of content a unit proposes, in the order the form
// offers them.
var proposalKindOrder = []congtac.ProposalKind{congtac.ProposeTask, congtac.ProposeItem, congtac.ProposeAgenda}

// readProposalForm returns the form as the request posted it.
func readProposalForm(r *http.Request) *proposalForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	r.ParseForm()
	return &proposalForm{Period: get("period"), Org: get("org"), Committee: get("committee"), Kind: get("kind"),
		Text: r.PostFormValue("text"), Sector: get("sector"), Lead: get("lead"), Support: r.PostForm["support"],
		DueText: get("due_text"), Source: get("source"), Errors: map[string]string{}}
}

// proposal parses the form into a proposal for period, EINVALID naming each field that
// cannot be read. Empty org, committee and lead are left for [completeProposal] to fill.
func (f *proposalForm) proposal(period congtac.Period) (congtac.Proposal, error) {
	var pr congtac.Problems
	id := func(field, v string) int64 {
		if v == "" {
			return 0
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			pr.Add(field, "Lựa chọn %q không hợp lệ.", v)
		}
		return n
	}
	p := congtac.Proposal{Period: period, OrgID: id("org_id", f.Org), CommitteeID: id("committee_id", f.Committee),
		Kind: congtac.ProposalKind(f.Kind), Text: f.Text, Sector: congtac.Sector(f.Sector),
		Lead: id("lead", f.Lead), DueText: f.DueText, Source: f.Source}
	for _, v := range f.Support {
		if v = strings.TrimSpace(v); v != "" {
			p.Support = append(p.Support, id("support", v))
		}
	}
	return p, pr.Err()
}

// newProposalForm returns an empty form for period: a task, led by the proposing unit.
func newProposalForm(period congtac.Period) *proposalForm {
	return &proposalForm{Period: period.Key(), Kind: string(congtac.ProposeTask), Errors: map[string]string{}}
}

// fillChoices sets the form's choices for actor a, marking what the form holds. The orgs
// one may propose for are those of a's WriteReports reach; the committees, those above a's
// org.
func (f *proposalForm) fillChoices(a congtac.Actor, orgs orgIndex, period congtac.Period, today congtac.Date) {
	f.Period, f.Ref = period.Key(), period.Start().String()
	f.Orgs = orgOptions(orgs.Within(a, congtac.WriteReports, today), f.Org)
	if len(f.Orgs) == 1 {
		f.Org = f.Orgs[0].Value
	}
	f.Committees = nil
	for _, id := range orgs.Path(a.OrgID) {
		if o, _ := orgs.Org(id); o.Kind == congtac.OrgCommittee {
			v := strconv.FormatInt(id, 10)
			f.Committees = append(f.Committees, option{Value: v, Label: o.Name, Selected: v == f.Committee})
		}
	}
	f.Kinds = optionsOf(proposalKindOrder, congtac.ProposalKind.Label, f.Kind)
	f.Sectors = optionsOf(congtac.Sectors, congtac.Sector.Label, f.Sector)
	all := orgs.Tree(today, nil)
	f.Leads = orgOptions(all, f.Lead)
	f.Supports = orgOptions(all, "")
	for i := range f.Supports {
		f.Supports[i].Selected = slices.Contains(f.Support, f.Supports[i].Value)
	}
}

// setErrors places the messages of err by the form's fields; the others go to General.
func (f *proposalForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, proposalFields)
}

// decisionForm holds the office's choices on one open proposal: where to put it, or why
// not, with the messages of a refused post.
type decisionForm struct {
	ID      int64 // the proposal's
	Version int
	Agenda  bool          // an agenda matter: the targets are meetings
	Targets []optionGroup // drafts with their items, or meetings; none when there is nowhere to put it
	Reason  string
	Errors  map[string]string // by field: target, reason
	General []string
}

// TargetField returns the field of where to put the proposal, as chosen, with its message.
func (f decisionForm) TargetField() field {
	label := "Đưa vào dự thảo, dưới mục"
	if f.Agenda {
		label = "Đưa vào hội nghị"
	}
	return newField(f.Errors, field{Kind: fieldSelect, ID: fmt.Sprintf("t-%d", f.ID), Name: "target", Label: label,
		Blank: "Chọn…", Groups: f.Targets})
}

// ReasonField returns the field of why the proposal is not taken, as typed, with its
// message.
func (f decisionForm) ReasonField() field {
	return newField(f.Errors, field{Kind: fieldTextarea, ID: fmt.Sprintf("r-%d", f.ID), Name: "reason",
		Label: "Lý do không nhận (đơn vị sẽ thấy)", Rows: 2, Required: true, Value: f.Reason})
}

// optionGroup is an <optgroup> of a select.
type optionGroup struct {
	Label   string
	Options []option
}

// proposalTargets are where the office may put the proposals of a committee for a period:
// its editable drafts of the period, with their items, and its meetings in the period.
type proposalTargets struct {
	drafts   []congtac.Program
	meetings []congtac.Meeting
}

// targetValue encodes a target as a select's value: "program:12:345" (under item 345, 0
// for the top level) or "meeting:7".
func targetValue(to congtac.ProposalTarget) string {
	if to.MeetingID != 0 {
		return "meeting:" + strconv.FormatInt(to.MeetingID, 10)
	}
	return "program:" + strconv.FormatInt(to.ProgramID, 10) + ":" + strconv.FormatInt(to.ParentItemID, 10)
}

// parseTarget reads a value of [targetValue]; "" or anything else is the zero target,
// which the decision refuses by its field.
func parseTarget(v string) congtac.ProposalTarget {
	parts := strings.Split(v, ":")
	n := func(i int) int64 {
		if i >= len(parts) {
			return 0
		}
		id, _ := strconv.ParseInt(parts[i], 10, 64)
		return max(id, 0)
	}
	switch {
	case parts[0] == "meeting" && len(parts) == 2:
		return congtac.ProposalTarget{MeetingID: n(1)}
	case parts[0] == "program" && len(parts) == 3:
		return congtac.ProposalTarget{ProgramID: n(1), ParentItemID: n(2)}
	}
	return congtac.ProposalTarget{}
}

// newDecisionForm returns the decision forms on proposal p with the targets t offers: for
// an item or a task each draft with its items, the item of p's sector chosen (the sector's
// clause, where such content goes); for an agenda matter the meetings, the only one chosen.
// chosen, when not "", is what a refused post chose.
func newDecisionForm(p congtac.Proposal, t proposalTargets, chosen string) *decisionForm {
	f := &decisionForm{ID: p.ID, Version: p.Version, Agenda: p.Kind == congtac.ProposeAgenda, Errors: map[string]string{}}
	if f.Agenda {
		g := optionGroup{Label: "Hội nghị trong kỳ"}
		for _, m := range t.meetings {
			v := targetValue(congtac.ProposalTarget{MeetingID: m.ID})
			g.Options = append(g.Options, option{Value: v, Label: dayText(m.Date) + ": " + m.Title,
				Selected: v == chosen || chosen == "" && len(t.meetings) == 1})
		}
		if len(g.Options) > 0 {
			f.Targets = []optionGroup{g}
		}
		return f
	}
	for _, d := range t.drafts {
		top := targetValue(congtac.ProposalTarget{ProgramID: d.ID})
		g := optionGroup{Label: vn.Capitalize(d.Title), Options: []option{{Value: top, Label: "Cuối chương trình (cấp cao nhất)",
			Selected: top == chosen}}}
		for _, it := range itemOrder(d.Items) {
			v := targetValue(congtac.ProposalTarget{ProgramID: d.ID, ParentItemID: it.ID})
			g.Options = append(g.Options, option{Value: v, Selected: v == chosen,
				Label: strings.Repeat("\u2003", it.depth) + strings.TrimSpace(it.Label+" "+shortText(it.Heading+" "+it.Text, 70))})
			if chosen == "" && p.Sector != "" && it.Sector == p.Sector && it.Heading != "" {
				chosen = v
				g.Options[len(g.Options)-1].Selected = true
			}
		}
		f.Targets = append(f.Targets, g)
	}
	return f
}

// setErrors places the messages of a refused decision: the target's under "target", the
// reason's under "reason", others in General.
func (f *decisionForm) setErrors(err error) {
	for field, msg := range congtac.FieldErrors(err) {
		switch field {
		case "program_id", "meeting_id", "parent_id", "parent_item_id":
			f.Errors["target"] = msg
		case "reason":
			f.Errors["reason"] = msg
		default:
			f.General = append(f.General, msg)
		}
	}
	slices.Sort(f.General)
}

// proposalPeriods returns the coming periods one proposes for — the next three months,
// the next quarter and the next year — each with its deadline, and chosen first when it is
// none of them.
func proposalPeriods(today congtac.Date, chosen congtac.Period, st congtac.Settings) []option {
	month := congtac.PeriodOf(congtac.PeriodMonth, today)
	ps := []congtac.Period{month.Next(), month.Next().Next(), month.Next().Next().Next(),
		congtac.PeriodOf(congtac.PeriodQuarter, today).Next(), congtac.PeriodOf(congtac.PeriodYear, today).Next()}
	if !slices.Contains(ps, chosen) {
		ps = append([]congtac.Period{chosen}, ps...)
	}
	out := make([]option, len(ps))
	for i, p := range ps {
		deadline := congtac.ProposalDeadline(st, p)
		label := vn.Capitalize(p.String()) + " — hạn đăng ký " + vn.PaddedDate(deadline)
		if today.After(deadline) {
			label += " (đã hết hạn)"
		}
		out[i] = option{Value: p.Key(), Label: label, Selected: p == chosen}
	}
	return out
}
