// Package assemble builds the inputs of the official documents (package export) from the
// store: a program with its meetings, a meeting's invitation or conclusions, the report on a
// program, the outgoing register, a task table. The command line (congtac render) and the
// web's download links share it, so a document is the same whichever way it is asked for.
package assemble

import (
	"context"

	"congtac"
	"congtac/export"
	"congtac/store"
)

// Source reads what every document needs once: the names of orgs (ended ones too: history
// keeps their names) and people, and the settings of each committee a document is asked of.
// It is meant for one request.
type Source struct {
	st       *store.Store
	settings map[int64]congtac.Settings // by the issuing org, read on first use
	orgs     map[int64]congtac.Org
	names    map[int64]string // org names as documents print them (see [congtac.Org.DocName])
	people   map[int64]string
}

// Load reads every org and every person.
func Load(ctx context.Context, st *store.Store) (*Source, error) {
	s := &Source{st: st, settings: map[int64]congtac.Settings{}, orgs: map[int64]congtac.Org{},
		names: map[int64]string{}, people: map[int64]string{}}
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		s.orgs[o.ID], s.names[o.ID] = o, o.DocName()
	}
	people, err := st.FindPeople(ctx, congtac.PersonFilter{})
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		s.people[p.ID] = p.FullName
	}
	return s, nil
}

// settingsOf returns the settings a document issued by org prints: those of its committee
// ([congtac.Committee.For]), never another committee's.
func (s *Source) settingsOf(ctx context.Context, org int64) (congtac.Settings, error) {
	if st, ok := s.settings[org]; ok {
		return st, nil
	}
	c, err := s.st.FindCommittee(ctx, org)
	if err != nil {
		return congtac.Settings{}, err
	}
	s.settings[org] = c.For(s.orgs[org])
	return s.settings[org], nil
}

// symbol returns the symbol of a document of type t issued by org: "GM-UBND".
func (s *Source) symbol(t congtac.DocType, org int64) string {
	body := s.orgs[org].ShortName
	if body == "" {
		body = "UBND"
	}
	return congtac.Symbol(t, body, "")
}

// options returns the options of a document signed by signer for org: on an issued copy,
// the signer's signature and the org's seal when they were uploaded.
func (s *Source) options(ctx context.Context, issued bool, signer, org int64) (export.Options, error) {
	var o export.Options
	if !issued {
		return o, nil
	}
	for _, want := range []struct {
		kind  congtac.StampKind
		owner int64
		into  *[]byte
	}{{congtac.StampSignature, signer, &o.Images.Signature}, {congtac.StampSeal, org, &o.Images.Seal}} {
		if want.owner == 0 {
			continue
		}
		st, err := s.st.FindStamp(ctx, want.kind, want.owner)
		switch congtac.ErrorCode(err) {
		case "":
			*want.into = st.PNG
		case congtac.ENOTFOUND:
		default:
			return o, err
		}
	}
	return o, nil
}
