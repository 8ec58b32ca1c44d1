package assemble

import (
	"context"
	"slices"

	"congtac"
	"congtac/importer"
	"congtac/store"
)

// Importing is what importing a document into a committee needs from the store: the
// committee, the directory of its orgs that names are matched against, and its leaders.
// The command line (congtac import) and the web's import page share it, so a document
// imports the same whichever way it comes.
type Importing struct {
	Committee congtac.Org
	Orgs      []congtac.Org // the committee's orgs, active on the day, the committee first
	Leaders   []importer.Leader
}

// LoadImporting reads what importing into committee needs, as of day on.
func LoadImporting(ctx context.Context, st *store.Store, committee int64, on congtac.Date) (Importing, error) {
	all, err := st.FindOrgs(ctx, congtac.OrgFilter{ActiveOn: &on})
	if err != nil {
		return Importing{}, err
	}
	im := Importing{}
	parent := make(map[int64]int64, len(all))
	for _, o := range all {
		parent[o.ID] = o.ParentID
	}
	for _, o := range all {
		if within(o.ID, committee, parent) {
			im.Orgs = append(im.Orgs, o)
		}
		if o.ID == committee {
			im.Committee = o
		}
	}
	if im.Committee.ID == 0 {
		return Importing{}, congtac.Errorf(congtac.ENOTFOUND, "Không có ủy ban mã %d.", committee)
	}
	slices.SortStableFunc(im.Orgs, func(a, b congtac.Org) int { return boolOrder(a.ID != committee, b.ID != committee) })
	im.Leaders, err = leadersOf(ctx, st, committee, on)
	return im, err
}

// within reports whether org id is org root or under it.
func within(id, root int64, parent map[int64]int64) bool {
	for seen := 0; id != 0 && seen < 64; seen++ {
		if id == root {
			return true
		}
		id = parent[id]
	}
	return false
}

// boolOrder orders false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// leadersOf returns the chairman and vice chairmen of committee on day on.
func leadersOf(ctx context.Context, st *store.Store, committee int64, on congtac.Date) ([]importer.Leader, error) {
	posts, err := st.FindPosts(ctx, congtac.PostFilter{OrgID: &committee, HeldOn: &on,
		Kinds: []congtac.PostKind{congtac.PostChairman, congtac.PostViceChairman}})
	if err != nil {
		return nil, err
	}
	ids := []int64{}
	for _, p := range posts {
		ids = append(ids, p.PersonID)
	}
	people, err := st.FindPeople(ctx, congtac.PersonFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(people))
	for _, p := range people {
		names[p.ID] = p.FullName
	}
	var out []importer.Leader
	for _, p := range posts {
		out = append(out, importer.Leader{PersonID: p.PersonID, FullName: names[p.PersonID], Post: p.Kind})
	}
	return out, nil
}

// Vocabulary returns the base vocabulary ([importer.BaseVocabulary]) with the words of the
// texts stored (store's EachText), up to limit texts of each kind, for [importer.Restore].
func Vocabulary(ctx context.Context, st *store.Store, limit int) (*importer.Vocabulary, error) {
	v := importer.BaseVocabulary()
	if err := st.EachText(ctx, limit, v.Add); err != nil {
		return nil, err
	}
	return v, nil
}

// CommitteeOf returns the committee a document's issuer names among committees, or
// false when none is close enough.
func CommitteeOf(issuer string, committees []congtac.Org) (congtac.Org, bool) {
	m, ok := importer.MatchOrg(issuer, committees)
	return m.Org, ok
}
