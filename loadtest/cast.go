package loadtest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"

	"congtac"
	"congtac/store"
)

// Account is one simulated user's account: how it signs in on pages, its API token, and
// where it belongs.
type Account struct {
	Login    string
	Password string
	Role     congtac.Role
	UserID   int64
	OrgID    int64  // the org the account belongs to
	Token    string // its personal API token, raw
}

// Cast is the accounts of a run and the committee they work for.
type Cast struct {
	Committee int64 // the root committee: the issuing body of the office's accounts
	Accounts  []Account
}

// roleCycle is the mix of roles, repeated over the users: of every 24, 9 reporters, 4 unit
// heads, 4 viewers, 2 drafters, 2 office heads, 2 leaders and an administrator. It is
// interleaved so that the first eight users already cover every role but the
// administrator.
var roleCycle = []congtac.Role{
	congtac.RoleReporter, congtac.RoleViewer, congtac.RoleUnitHead, congtac.RoleDrafter,
	congtac.RoleReporter, congtac.RoleOfficeHead, congtac.RoleLeader, congtac.RoleReporter,
	congtac.RoleAdmin, congtac.RoleUnitHead, congtac.RoleReporter, congtac.RoleViewer,
	congtac.RoleDrafter, congtac.RoleReporter, congtac.RoleUnitHead, congtac.RoleOfficeHead,
	congtac.RoleReporter, congtac.RoleViewer, congtac.RoleLeader, congtac.RoleReporter,
	congtac.RoleUnitHead, congtac.RoleReporter, congtac.RoleViewer, congtac.RoleReporter,
}

// RoleOf returns the role of the i-th simulated user (from 0) in the mix.
func RoleOf(i int) congtac.Role { return roleCycle[i%len(roleCycle)] }

// orgPlan is where accounts of each role go in a data set shaped like synth's: a root
// committee with its office, its units (departments, agencies) and communes.
type orgPlan struct {
	root, office int64
	units        []int64 // orgs below the root that lead tasks: units, then communes
	depts        []int64 // the root's own units, without communes
}

// findOrgPlan reads the org tree of st: the first root committee, its office (or the root
// itself when it has none), and the orgs right below it.
func findOrgPlan(ctx context.Context, st *store.Store) (orgPlan, error) {
	kind := congtac.OrgCommittee
	roots, err := st.FindOrgs(ctx, congtac.OrgFilter{Kind: &kind, Limit: 1000})
	if err != nil {
		return orgPlan{}, err
	}
	var p orgPlan
	for _, o := range roots {
		if o.ParentID == 0 {
			p.root = o.ID
			break
		}
	}
	if p.root == 0 {
		return p, errors.New("loadtest: the database has no root committee; generate a data set first (congtac gen)")
	}
	p.office = p.root
	below, err := st.FindOrgs(ctx, congtac.OrgFilter{ParentID: &p.root, Limit: 10000})
	if err != nil {
		return p, err
	}
	var communes []int64
	for _, o := range below {
		switch o.Kind {
		case congtac.OrgOffice:
			p.office = o.ID
		case congtac.OrgCommune, congtac.OrgCommittee:
			communes = append(communes, o.ID)
		case congtac.OrgGroup:
		default:
			p.depts = append(p.depts, o.ID)
		}
	}
	p.units = append(append(p.units, p.depts...), communes...)
	if len(p.units) == 0 {
		return p, errors.New("loadtest: the root committee has no units to report; generate a data set first (congtac gen)")
	}
	return p, nil
}

// orgFor returns the org the i-th user of role r belongs to: the office's staff in the
// office, leaders and administrators at the root, unit heads in a department, reporters in
// a unit or a commune, viewers alternately at the root and in a unit.
func (p orgPlan) orgFor(r congtac.Role, i int) int64 {
	pick := func(ids []int64) int64 {
		if len(ids) == 0 {
			return p.units[i%len(p.units)]
		}
		return ids[(i*7)%len(ids)]
	}
	switch r {
	case congtac.RoleDrafter, congtac.RoleOfficeHead:
		return p.office
	case congtac.RoleUnitHead:
		return pick(p.depts)
	case congtac.RoleReporter:
		return pick(p.units)
	case congtac.RoleViewer:
		if i%2 == 0 {
			return p.root
		}
		return pick(p.units)
	}
	return p.root
}

// PrepareCast makes the accounts of the simulated users in st, the i-th with role roles[i]
// (see [Roles]) and login "lt.<role>.<i>", all with one new random password, and gives each a
// new API token. An account left by an earlier run is kept and given the new password,
// which ends its sessions and revokes its tokens; so at most one run's credentials work at
// a time. Everything is written through the store's use cases as the system, and audited.
// Run it only on a data set made for measuring: the accounts stay.
func PrepareCast(ctx context.Context, st *store.Store, roles []congtac.Role) (Cast, error) {
	plan, err := findOrgPlan(ctx, st)
	if err != nil {
		return Cast{}, err
	}
	password := randomPassword()
	hash, err := congtac.HashPassword(password) // one hash for every account: hashing is slow on purpose
	if err != nil {
		return Cast{}, err
	}
	cast := Cast{Committee: plan.root}
	for i, role := range roles {
		a := Account{Login: fmt.Sprintf("lt.%s.%03d", role, i), Password: password, Role: role,
			OrgID: plan.orgFor(role, i)}
		if a.UserID, err = ensureAccount(ctx, st, a, hash); err != nil {
			return cast, fmt.Errorf("loadtest: account %s: %w", a.Login, err)
		}
		if _, a.Token, err = st.CreateAPIToken(ctx, congtac.System, a.UserID, "loadtest"); err != nil {
			return cast, fmt.Errorf("loadtest: token of %s: %w", a.Login, err)
		}
		cast.Accounts = append(cast.Accounts, a)
	}
	return cast, nil
}

// ensureAccount creates account a with password hash hash, or, when its login exists,
// sets that account's password to hash; it returns the account's ID. An existing account
// keeps its role and org.
func ensureAccount(ctx context.Context, st *store.Store, a Account, hash string) (int64, error) {
	u, err := st.FindUserByLogin(ctx, a.Login)
	switch {
	case err == nil:
		_, _, err = st.SetPassword(ctx, congtac.System, u.ID, hash, "")
		return u.ID, err
	case congtac.ErrorCode(err) != congtac.ENOTFOUND:
		return 0, err
	}
	u, err = st.CreateUser(ctx, congtac.System, congtac.User{Login: a.Login, Role: a.Role, OrgID: a.OrgID,
		DisplayName: "Người dùng thử tải " + a.Login, PasswordHash: hash})
	return u.ID, err
}

// randomPassword returns a password of 128 random bits.
func randomPassword() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}
