package congtac

import "slices"

// A group (kind [OrgGroup]) is a name the office uses for a set of member orgs, as programs
// write it: "UBND các xã, thị trấn" for the communes of a district, "các cơ quan chuyên môn
// thuộc UBND huyện" for its departments. Its members are listed explicitly, since offices
// also name subsets ("các xã vùng cao"); [MembersByKind] fills the list from a kind. A task
// whose lead is a group fans out into one [Share] per member org: each member answers for
// its part, reports on it and completes it, and the task's status is rolled up from the
// shares ([RollUp]). The program prints the group's name, never the list of members.

// MaxGroupMembers bounds a group: a province has about a hundred communes and wards.
const MaxGroupMembers = 500

// IsGroup reports whether the org is a group of member orgs rather than an organisation.
func (o Org) IsGroup() bool { return o.Kind == OrgGroup }

// ValidateMembers checks the member list of group g against the orgs it names (byID): at
// least one, at most [MaxGroupMembers], each once, each an existing org that is not a group
// (groups do not nest) and not g itself.
func ValidateMembers(g Org, members []int64, byID map[int64]Org) error {
	if !g.IsGroup() {
		return Errorf(EINVALID, "%s không phải là nhóm đơn vị.", g.Name)
	}
	switch {
	case len(members) == 0:
		return FieldError("members", "Nhóm đơn vị cần ít nhất một đơn vị thành viên.")
	case len(members) > MaxGroupMembers:
		return FieldError("members", "Nhóm đơn vị có tối đa %d đơn vị thành viên.", MaxGroupMembers)
	}
	seen := make(map[int64]bool, len(members))
	for _, id := range members {
		o, ok := byID[id]
		switch {
		case !ok:
			return FieldError("members", "Không có cơ quan, đơn vị mã %d.", id)
		case o.IsGroup():
			return FieldError("members", "%s là nhóm đơn vị; thành viên của nhóm phải là cơ quan, đơn vị.", o.Name)
		case seen[id]:
			return FieldError("members", "%s được chọn hai lần.", o.Name)
		}
		seen[id] = true
	}
	return nil
}

// MembersByKind returns, in the order given, the IDs of the orgs under parent of the given
// kind that are active on day on: the communes of a committee, or its departments. Offices
// start a group from it and take out or add the orgs they name differently.
func MembersByKind(orgs []Org, parent int64, kind OrgKind, on Date) []int64 {
	var out []int64
	for _, o := range orgs {
		if o.ParentID == parent && o.Kind == kind && o.Active(on) {
			out = append(out, o.ID)
		}
	}
	return out
}

// Share is one member org's part of a task led by a group ([Task.Shares]): the member
// answers for it, reports on it and completes it on DoneOn. It has the shape of a support
// org's part, and follows the task's deadline, deferral and cancellation as supports do.
type Share = Support

// SharesOf returns the shares of a task led by a group whose members are given, in their
// order: a member that already had a share in old keeps it (and its completion), the others
// start open.
func SharesOf(members []int64, old []Share) []Share {
	out := make([]Share, len(members))
	for i, id := range members {
		out[i] = Share{OrgID: id}
		if j := slices.IndexFunc(old, func(s Share) bool { return s.OrgID == id }); j >= 0 {
			out[i] = old[j]
		}
	}
	return out
}

// GroupLed reports whether the task's lead is a group fanned out into shares.
func (t Task) GroupLed() bool { return len(t.Shares) > 0 }

// ShareStatus returns the status of one member's share of a group-led task as of asOf, and
// false when the org has no share.
func (t Task) ShareStatus(orgID int64, asOf Date) (Status, bool) {
	return t.partStatus(t.Shares, orgID, asOf)
}

// partStatus returns the status of org's part among parts (shares or supports): the task's
// own obligation with the part's completion.
func (t Task) partStatus(parts []Support, orgID int64, asOf Date) (Status, bool) {
	for _, s := range parts {
		if s.OrgID == orgID {
			o := t.obligation()
			o.DoneOn = s.DoneOn
			return o.Status(asOf), true
		}
	}
	return "", false
}

// SharesDone returns the day a group-led task was done, the last of its shares' completions,
// and true once every share is done; the zero Date and false while a share is open or the
// task has no shares. The store records it as the task's DoneOn, so that what filters on
// completion (open tasks, carrying over, merging orgs) treats the task as a whole.
func (t Task) SharesDone() (Date, bool) {
	var last Date
	for _, s := range t.Shares {
		if s.DoneOn.IsZero() {
			return Date{}, false
		}
		if s.DoneOn.After(last) {
			last = s.DoneOn
		}
	}
	return last, len(t.Shares) > 0
}

// sharesStatus rolls the statuses of a group-led task's shares up ([RollUp]).
func (t Task) sharesStatus(asOf Date) Status {
	var r rollup
	o := t.obligation()
	for _, s := range t.Shares {
		o.DoneOn = s.DoneOn
		if !r.add(o.Status(asOf)) {
			break
		}
	}
	return r.status()
}

// RollUp returns the status of a whole made of parts with the given statuses: a group-led
// task of its members' shares, a recurring task of its occurrences. It is overdue while any
// part is overdue; else in progress while any part is in progress (or there are no parts);
// else deferred while any part is deferred; done once every part is done, late when any part
// was late; otherwise (parts done and parts cancelled, or all cancelled) cancelled.
func RollUp(parts ...Status) Status {
	var r rollup
	for _, s := range parts {
		if !r.add(s) {
			break
		}
	}
	return r.status()
}

// rollup accumulates the statuses of parts for [RollUp].
type rollup struct {
	n                                        int
	overdue, open, deferred, late, cancelled bool
}

// add counts one part's status and returns false once the whole is overdue, which no later
// part can change.
func (r *rollup) add(s Status) bool {
	r.n++
	switch s {
	case StatusOverdue:
		r.overdue = true
		return false
	case StatusDoneLate:
		r.late = true
	case StatusDoneOnTime:
	case StatusDeferred:
		r.deferred = true
	case StatusCancelled:
		r.cancelled = true
	default:
		r.open = true
	}
	return true
}

// status returns the rolled-up status of the parts added.
func (r *rollup) status() Status {
	switch {
	case r.overdue:
		return StatusOverdue
	case r.open || r.n == 0:
		return StatusInProgress
	case r.deferred:
		return StatusDeferred
	case r.cancelled:
		return StatusCancelled
	case r.late:
		return StatusDoneLate
	}
	return StatusDoneOnTime
}

// OrgIDs returns the orgs with a part in the task: its lead (a group, for a group-led task),
// each member with a share, then each support org. Who may see a task is decided on them.
func (t Task) OrgIDs() []int64 {
	out := make([]int64, 0, 1+len(t.Shares)+len(t.Support))
	out = append(out, t.Lead)
	for _, s := range t.Shares {
		out = append(out, s.OrgID)
	}
	for _, s := range t.Support {
		out = append(out, s.OrgID)
	}
	return out
}

// Reporters returns the orgs that report on the task, each on its own part: the lead, or
// for a group-led task each member with a share instead of the group; then each support org.
func (t Task) Reporters() []int64 {
	if t.GroupLed() {
		return t.OrgIDs()[1:]
	}
	return t.OrgIDs()
}

// validateShares checks a group-led task's shares: each member once, none also a support
// org, and no recurrence, whose occurrences are the lead's own.
func (t Task) validateShares(p *Problems) {
	if !t.GroupLed() {
		return
	}
	if t.Recurrence != nil {
		p.Add("recurrence", "Nhiệm vụ do một nhóm đơn vị chủ trì chưa thể lặp lại định kỳ; hãy giao cho từng đơn vị hoặc bỏ lặp lại.")
	}
	seen := make(map[int64]bool, len(t.Shares))
	for _, s := range t.Shares {
		if seen[s.OrgID] || s.OrgID == 0 {
			p.Add("lead", "Danh sách đơn vị thành viên của nhóm chủ trì không hợp lệ.")
			return
		}
		seen[s.OrgID] = true
	}
	for _, s := range t.Support {
		if seen[s.OrgID] {
			p.Add("support", "Một đơn vị thành viên của nhóm chủ trì không thể đồng thời là cơ quan phối hợp.")
			return
		}
	}
}

// LastPercents returns, by org, the percent of the latest report each org sent on a task
// (submitted or accepted; drafts and returned reports do not count), from reports on the
// task and its earlier copies in any order: the progress of each member's share.
func LastPercents(reports []Report) map[int64]int {
	out := map[int64]int{}
	latest := map[int64]Report{}
	for _, r := range reports {
		if r.Status != ReportSubmitted && r.Status != ReportAccepted {
			continue
		}
		if l, ok := latest[r.OrgID]; !ok || r.SubmittedAt.After(l.SubmittedAt) ||
			r.SubmittedAt.Equal(l.SubmittedAt) && r.ID > l.ID {
			latest[r.OrgID] = r
			out[r.OrgID] = r.Percent
		}
	}
	return out
}
