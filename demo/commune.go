package demo

import (
	"fmt"
	"time"

	"congtac"
	"congtac/assemble"
)

// The commune committee of the demo uses congtac as its own issuing body beside the
// province: its own office, settings (masthead "ỦY BAN NHÂN DÂN / XÃ ĐÔNG SƠN", place,
// Monday briefing), register and monthly program, and the office account xavanphong.
const (
	CommuneName  = "Ủy ban nhân dân xã Đông Sơn"
	CommuneBody  = "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"
	CommunePlace = "Đông Sơn"
	// CommuneLogin is the commune office head's account, scoped to the commune committee.
	CommuneLogin = "xavanphong"
)

// communeWorld holds what the commune's story needs.
type communeWorld struct {
	committee, office, economy, culture congtac.Org
	chair, officeHead                   congtac.Person
	actor                               congtac.Actor
	conf                                congtac.Settings
}

// commune creates the commune committee under the province with its office and two
// departments, its chair and office head, its settings and account, and issues its program
// for today's month, numbered 01 from its own register.
func (w *world) commune() error {
	w.at(w.today.AddMonths(-1))
	var c communeWorld
	steps := []func(*communeWorld) error{w.communeOrgs, w.communePeople, w.communeSettings, w.communeAccount,
		w.communeProgram}
	for _, step := range steps {
		if err := step(&c); err != nil {
			return fmt.Errorf("commune: %w", err)
		}
	}
	return nil
}

func (w *world) communeOrgs(c *communeWorld) error {
	var err error
	if c.committee, err = w.org(congtac.Org{ParentID: w.committee.ID, Kind: congtac.OrgCommittee, Name: CommuneName,
		ShortName: "UBND", Position: 200}); err != nil {
		return err
	}
	for _, u := range []struct {
		into        *congtac.Org
		kind        congtac.OrgKind
		name, short string
	}{
		{&c.office, congtac.OrgOffice, "Văn phòng HĐND và UBND xã", "VP"},
		{&c.economy, congtac.OrgDepartment, "Phòng Kinh tế", "KT"},
		{&c.culture, congtac.OrgDepartment, "Phòng Văn hóa - Xã hội", "VHXH"},
	} {
		if *u.into, err = w.org(congtac.Org{ParentID: c.committee.ID, Kind: u.kind, Name: u.name, ShortName: u.short}); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) communePeople(c *communeWorld) error {
	for _, p := range []struct {
		into *congtac.Person
		name string
		org  int64
		post congtac.PostKind
	}{
		{&c.chair, "Lò Văn Thành", c.committee.ID, congtac.PostChairman},
		{&c.officeHead, "Nông Thị Hạnh", c.office.ID, congtac.PostOfficeHead},
	} {
		pp, err := w.st.CreatePerson(w.ctx, congtac.System, congtac.Person{FullName: p.name, OrgID: p.org})
		if err != nil {
			return err
		}
		w.sum.People++
		if _, err := w.st.CreatePost(w.ctx, congtac.System, congtac.Post{PersonID: pp.ID, OrgID: p.org, Kind: p.post,
			From: congtac.MustDate(2025, 7, 1)}); err != nil {
			return err
		}
		*p.into = pp
	}
	return nil
}

// communeSettings saves the commune's own settings: nothing of the province's.
func (w *world) communeSettings(c *communeWorld) error {
	st := congtac.CommitteeSettings(c.committee)
	st.BriefingDay, st.BriefingTime = time.Monday, congtac.At(7, 30)
	st.MaterialsLeadDays = 3
	st.Holidays = w.conf.Holidays
	st.Signature = congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityCollective, Of: "ỦY BAN NHÂN DÂN"}},
		Title: "Chủ tịch", Name: c.chair.FullName, PersonID: c.chair.ID}
	saved, err := w.st.SaveCommitteeSettings(w.ctx, congtac.System, c.committee.ID, 0, st)
	c.conf = saved.Settings
	return err
}

// communeAccount creates xavanphong in the commune's office; the store scopes an office
// account to its committee.
func (w *world) communeAccount(c *communeWorld) error {
	hash, err := congtac.HashPassword(Password)
	if err != nil {
		return err
	}
	u, err := w.st.CreateUser(w.ctx, congtac.System, congtac.User{Login: CommuneLogin, Role: congtac.RoleOfficeHead,
		OrgID: c.office.ID, PersonID: c.officeHead.ID, DisplayName: c.officeHead.FullName, PasswordHash: hash})
	if err != nil {
		return err
	}
	w.sum.Users++
	c.actor = congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}
	w.actors[CommuneLogin] = c.actor
	return nil
}

// communeProgram drafts, approves and issues the commune's program of today's month.
func (w *world) communeProgram(c *communeWorld) error {
	month := congtac.PeriodOf(congtac.PeriodMonth, w.today)
	p, err := w.st.CreateProgram(w.ctx, c.actor, w.communeDraft(c, month))
	if err != nil {
		return err
	}
	w.sum.Programs++
	w.sum.Tasks += len(p.Tasks)
	for _, action := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
		if err := w.move(&p, c.actor, action, ""); err != nil {
			return err
		}
	}
	issueOn := month.Start()
	for !c.conf.WorkingDay(issueOn) && issueOn.Before(w.today) {
		issueOn = issueOn.AddDays(1)
	}
	w.at(issueOn)
	if _, err := assemble.IssueProgram(w.ctx, w.st, c.actor, p.ID, p.Version, congtac.Issuance{On: issueOn}); err != nil {
		return err
	}
	w.sum.Documents++
	return nil
}

// communeDraft is the commune's program of month: two duties of its departments, its
// meetings, and the committee's usual signer; the place comes from its settings at issue.
func (w *world) communeDraft(c *communeWorld, month congtac.Period) congtac.Program {
	end := month.End()
	return congtac.Program{OrgID: c.committee.ID, DraftedBy: c.office.ID, Period: month,
		Title:     fmt.Sprintf("Công tác của UBND xã tháng %d năm %d", month.Number, month.Year),
		Signature: c.conf.Signature,
		Recipients: []string{"Thường trực Đảng ủy, Thường trực HĐND xã;", "Chủ tịch, các Phó Chủ tịch UBND xã;",
			"Các phòng, đơn vị thuộc UBND xã;", "Lưu: VT, VP."},
		Items: []congtac.Item{
			{ID: 1, Heading: fmt.Sprintf("NHIỆM VỤ TRỌNG TÂM THÁNG %d NĂM %d", month.Number, month.Year)},
			{ID: 2, ParentID: 1, Position: 1, Heading: "Về phát triển kinh tế", Sector: congtac.SectorEconomy,
				Text: "Đôn đốc thu ngân sách trên địa bàn xã."},
			{ID: 3, ParentID: 1, Position: 2, Heading: "Về văn hóa - xã hội", Sector: congtac.SectorCultureSociety,
				Text: "Rà soát hộ nghèo, hộ cận nghèo của xã."},
			{ID: 4, Position: 2, Heading: "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG",
				Text: "Chủ tịch và các Phó Chủ tịch UBND xã giao ban vào sáng thứ Hai hằng tuần."},
		},
		Tasks: []congtac.Task{
			{ItemID: 2, Text: "Đôn đốc thu ngân sách trên địa bàn xã", Sector: congtac.SectorEconomy,
				Lead: c.economy.ID, LeaderID: c.chair.ID, Due: congtac.DueInMonth(month.Year, month.Start().Month)},
			{ItemID: 3, Text: "Rà soát hộ nghèo, hộ cận nghèo của xã", Sector: congtac.SectorCultureSociety,
				Lead: c.culture.ID, Support: []congtac.Support{{OrgID: c.office.ID}}, LeaderID: c.chair.ID,
				Due: congtac.DueOn(end)},
		},
	}
}
