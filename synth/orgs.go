package synth

import (
	"slices"

	"congtac"
)

var validFrom = congtac.MustDate(2020, 1, 1)

// orgs adds the province committee, its office and units, the communes and as many commune
// units as the scale's org count leaves room for.
func (g *generator) orgs() error {
	sc := g.cfg.Scale
	add := func(o congtac.Org) (congtac.Org, error) {
		o.ValidFrom = validFrom
		err := g.l.AddOrg(&o)
		g.stats.Orgs++
		return o, err
	}
	var err error
	if g.province, err = add(congtac.Org{Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân tỉnh An Phú", ShortName: "UBND"}); err != nil {
		return err
	}
	if g.office, err = add(congtac.Org{ParentID: g.province.ID, Kind: congtac.OrgOffice, Name: "Văn phòng UBND tỉnh", ShortName: "VP"}); err != nil {
		return err
	}
	room := sc.Orgs - 2 - sc.Communes
	for i, u := range provinceUnits {
		if i >= room-room/3 && i >= 8 { // leave about a third of the room for commune units
			break
		}
		o, err := add(congtac.Org{ParentID: g.province.ID, Kind: congtac.OrgKind(u.kind), Name: u.name, ShortName: u.short, Position: i})
		if err != nil {
			return err
		}
		g.depts = append(g.depts, o)
	}
	g.stats.Committees = append(g.stats.Committees, g.province.ID)
	seen := map[string]bool{}
	for i := range sc.Communes {
		name := g.communeName(seen, i)
		o, err := add(congtac.Org{ParentID: g.province.ID, Kind: congtac.OrgCommune, Name: name, ShortName: "UBND", Position: 100 + i})
		if err != nil {
			return err
		}
		g.communes = append(g.communes, o)
		g.stats.Committees = append(g.stats.Committees, o.ID)
	}
	g.units = map[int64][]congtac.Org{}
	for i := 0; g.stats.Orgs < sc.Orgs; i++ {
		c := g.communes[(i/len(communeUnits))%len(g.communes)]
		u := communeUnits[i%len(communeUnits)]
		o, err := add(congtac.Org{ParentID: c.ID, Kind: congtac.OrgDepartment, Name: u.name, ShortName: u.short, Position: i % 3})
		if err != nil {
			return err
		}
		g.units[c.ID] = append(g.units[c.ID], o)
	}
	return nil
}

// communeName returns a distinct "Xã …" or "Phường …" name.
func (g *generator) communeName(seen map[string]bool, i int) string {
	kind := "Xã "
	if i%5 == 0 {
		kind = "Phường "
	}
	for {
		name := kind + placeFirst[g.pick(len(placeFirst))] + " " + placeSecond[g.pick(len(placeSecond))]
		if !seen[name] {
			seen[name] = true
			return name
		}
	}
}

// people adds each committee's chair, three vice chairs (one per sector) and office head.
func (g *generator) people() error {
	g.leaders = map[int64][]int64{}
	for _, org := range g.stats.Committees {
		posts := []struct {
			kind    congtac.PostKind
			sectors []congtac.Sector
		}{
			{congtac.PostChairman, nil},
			{congtac.PostViceChairman, []congtac.Sector{congtac.SectorEconomy}},
			{congtac.PostViceChairman, []congtac.Sector{congtac.SectorCultureSociety}},
			{congtac.PostViceChairman, []congtac.Sector{congtac.SectorInternalAffairs}},
			{congtac.PostOfficeHead, nil},
		}
		for _, p := range posts {
			person := congtac.Person{FullName: g.personName(), OrgID: org}
			if err := g.l.AddPerson(&person); err != nil {
				return err
			}
			g.stats.People++
			post := congtac.Post{PersonID: person.ID, OrgID: org, Kind: p.kind, Sectors: p.sectors, From: validFrom}
			if err := g.l.AddPost(&post); err != nil {
				return err
			}
			if p.kind.IsLeader() {
				g.leaders[org] = append(g.leaders[org], person.ID)
			}
		}
	}
	return nil
}

// leadOrgs returns the orgs that take tasks from a committee's programs.
func (g *generator) leadOrgs(committee int64) []congtac.Org {
	if committee == g.province.ID {
		return slices.Concat(g.depts, g.communes)
	}
	if units := g.units[committee]; len(units) > 0 {
		return units
	}
	for _, c := range g.communes {
		if c.ID == committee {
			return []congtac.Org{c}
		}
	}
	return nil
}
