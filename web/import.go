package web

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"congtac"
	"congtac/assemble"
	"congtac/importer"
	"congtac/vn"
)

// importInput is what an import is asked with, by the page or the API.
type importInput struct {
	name      string // the file's name, for the audit log
	data      []byte
	committee int64 // 0: the committee the masthead names, among those the actor may draft for
	tones     vn.ToneStyle
	period    congtac.Period // the period when the document gives none; zero: none
}

// importTones maps the codes of the tone choice to their styles, in the order forms offer them.
var importTones = []struct {
	code, label string
	style       vn.ToneStyle
}{
	{"keep", "Giữ như văn bản", vn.ToneKeep},
	{"new", "Kiểu mới: hòa, thủy", vn.ToneNew},
	{"old", "Kiểu cũ: hoà, thuỷ", vn.ToneOld},
}

// toneOf returns the style of a tone code; "" is keep. ok is false for an unknown code.
func toneOf(code string) (vn.ToneStyle, bool) {
	if code == "" {
		return vn.ToneKeep, true
	}
	for _, t := range importTones {
		if t.code == code {
			return t.style, true
		}
	}
	return vn.ToneKeep, false
}

// importRun is a document understood for a committee: the result, and what the
// committee's directory and leaders are.
type importRun struct {
	result importer.Result
	into   assemble.Importing
}

// runImport reads and understands in.data for the committee it names, or for the one its
// masthead names among those the actor may draft programs or keep the calendar for
// (EINVALID, on field org_id, when none can be told). Org names are matched in that
// committee's directory, and lost letters restored with the words stored.
func (s *Server) runImport(ctx context.Context, a congtac.Actor, in importInput) (importRun, error) {
	vocab, err := s.vocab.get(ctx, s)
	if err != nil {
		return importRun{}, err
	}
	opt := importer.Options{Tones: in.tones, Vocabulary: vocab, Period: in.period}
	issuer := ""
	if in.committee == 0 { // a first reading finds the committee the masthead names
		r, err := importer.Import(in.data, opt)
		if err != nil {
			return importRun{}, err
		}
		issuer = r.Masthead.Issuer.Text
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return importRun{}, err
	}
	committee, err := importCommittee(a, orgs, s.today(), in.committee, issuer)
	if err != nil {
		return importRun{}, err
	}
	into, err := assemble.LoadImporting(ctx, s.st, committee, s.today())
	if err != nil {
		return importRun{}, err
	}
	opt.Orgs, opt.Leaders = into.Orgs, into.Leaders
	r, err := importer.Import(in.data, opt)
	if err != nil {
		return importRun{}, err
	}
	return importRun{result: r, into: into}, nil
}

// importCommittee returns the committee an import goes into: chosen, when the actor may
// import into it; otherwise the one of those the actor may that the masthead's issuer
// names, or the only one.
func importCommittee(a congtac.Actor, orgs orgIndex, day congtac.Date, chosen int64, issuer string) (int64, error) {
	choices := importableOrgs(a, orgs, day)
	ids := make([]int64, 0, len(choices))
	committees := make([]congtac.Org, 0, len(choices))
	for _, c := range choices {
		id, _ := strconv.ParseInt(c.Value, 10, 64)
		ids = append(ids, id)
		o, _ := orgs.Org(id)
		committees = append(committees, o)
	}
	switch {
	case len(ids) == 0:
		return 0, congtac.Errorf(congtac.EFORBIDDEN, "Bạn không được nhập văn bản vào ủy ban nào.")
	case chosen != 0 && slices.Contains(ids, chosen):
		return chosen, nil
	case chosen != 0:
		return 0, congtac.FieldError("org_id", "Bạn không được nhập văn bản vào ủy ban này.")
	}
	if o, ok := assemble.CommitteeOf(issuer, committees); ok {
		return o.ID, nil
	}
	if len(ids) == 1 {
		return ids[0], nil
	}
	if issuer == "" {
		return 0, congtac.FieldError("org_id", "Văn bản không ghi cơ quan ban hành; hãy chọn ủy ban.")
	}
	return 0, congtac.FieldError("org_id", "Không có ủy ban “%s” trong những ủy ban bạn được nhập văn bản; hãy chọn ủy ban.", issuer)
}

// importableOrgs returns the committees the actor may import into: those it may draft
// programs for, or keep the calendar of.
func importableOrgs(a congtac.Actor, orgs orgIndex, day congtac.Date) []option {
	nodes := orgs.Tree(day, func(o congtac.Org) bool {
		return (o.Kind == congtac.OrgCommittee || o.Kind == congtac.OrgCommune) &&
			(orgs.Can(a, congtac.DraftPrograms, o.ID) || orgs.Can(a, congtac.ManageCalendar, o.ID))
	})
	return orgOptions(nodes, "")
}

// saveImport saves an import as the user chose: a draft program with its meetings, or
// calendar entries. It returns what was saved and the problems of what was left out.
func (s *Server) saveImport(ctx context.Context, a congtac.Actor, run importRun, name string, c importer.Choices) (congtac.Import, []importer.Problem, error) {
	imp, problems, err := run.result.Draft(run.into.Committee.ID, run.into.Leaders, c)
	if err != nil {
		return congtac.Import{}, nil, err
	}
	imp.Name = name
	saved, err := s.st.Import(ctx, a, imp)
	if err != nil {
		return congtac.Import{}, nil, err
	}
	s.vocab.learn(saved)
	return saved, problems, nil
}

// vocabCache keeps the words of the stored documents for imports, read again once
// vocabAge old; what an import saves is learned at once.
type vocabCache struct {
	mu    sync.Mutex
	v     *importer.Vocabulary
	built time.Time
}

// vocabAge is how long the words read from the store serve before they are read again.
const vocabAge = time.Hour

// vocabTexts is how many stored texts of each kind the vocabulary reads.
const vocabTexts = 20000

// get returns the vocabulary, reading it from the store when it is missing or old. The
// vocabulary returned is never changed afterwards (a new one replaces it), so callers
// may use it while others learn.
func (c *vocabCache) get(ctx context.Context, s *Server) (*importer.Vocabulary, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := s.cfg.Now()
	if c.v != nil && now.Sub(c.built) < vocabAge && !now.Before(c.built) {
		return c.v, nil
	}
	v, err := assemble.Vocabulary(ctx, s.st, vocabTexts)
	if err != nil {
		return nil, fmt.Errorf("web: import vocabulary: %w", err)
	}
	c.v, c.built = v, now
	return v, nil
}

// learn adds the texts of a saved import to the vocabulary, in a copy.
func (c *vocabCache) learn(imp congtac.Import) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.v == nil {
		return
	}
	v := c.v.Copy()
	if p := imp.Program; p != nil {
		v.Add(p.Title)
		for _, it := range p.Items {
			v.Add(it.Heading + " " + it.Text)
		}
	}
	for _, m := range imp.Meetings {
		v.Add(m.Title)
	}
	c.v = v
}
