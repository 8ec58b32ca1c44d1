package congtac

// SearchKind is a kind of record the search box finds (issue 15). Its value names it in
// URLs and the API (?kind=task).
type SearchKind string

// The kinds of record search finds, in the order their groups are shown.
const (
	SearchTask     SearchKind = "task"
	SearchProgram  SearchKind = "program"
	SearchItem     SearchKind = "item"
	SearchReport   SearchKind = "report"
	SearchMeeting  SearchKind = "meeting"
	SearchAgenda   SearchKind = "agenda"   // an agenda item with its conclusion
	SearchCalendar SearchKind = "calendar" // an entry of the leaders' weekly calendar
	SearchDocument SearchKind = "document" // an issued document of the register
	SearchOrg      SearchKind = "org"
	SearchPerson   SearchKind = "person"
)

// SearchKinds lists every kind, in the order of the results page.
var SearchKinds = []SearchKind{SearchTask, SearchProgram, SearchItem, SearchReport, SearchMeeting,
	SearchAgenda, SearchCalendar, SearchDocument, SearchOrg, SearchPerson}

// Label returns the kind's heading on the results page.
func (k SearchKind) Label() string {
	switch k {
	case SearchTask:
		return "Nhiệm vụ"
	case SearchProgram:
		return "Chương trình công tác"
	case SearchItem:
		return "Nội dung chương trình"
	case SearchReport:
		return "Báo cáo tiến độ"
	case SearchMeeting:
		return "Hội nghị, cuộc họp"
	case SearchAgenda:
		return "Nội dung họp, kết luận"
	case SearchCalendar:
		return "Lịch công tác"
	case SearchDocument:
		return "Văn bản đã ban hành"
	case SearchOrg:
		return "Cơ quan, đơn vị"
	case SearchPerson:
		return "Cán bộ"
	}
	return string(k)
}

// Valid reports whether k is one of [SearchKinds].
func (k SearchKind) Valid() bool {
	for _, s := range SearchKinds {
		if s == k {
			return true
		}
	}
	return false
}

// Capability returns what an actor needs to find records of the kind: the capability of
// the list that shows them. Drafts of programs (and their items) also need ViewDrafts.
func (k SearchKind) Capability() Capability {
	switch k {
	case SearchTask:
		return ViewTasks
	case SearchReport:
		return ViewReports
	case SearchMeeting, SearchAgenda:
		return ViewMeetings
	case SearchCalendar:
		return ViewCalendar
	case SearchOrg, SearchPerson:
		return ViewCatalog
	}
	return ViewPrograms
}

// Statuses returns the statuses a search of the kind may be narrowed to, or nil when the
// kind has none.
func (k SearchKind) Statuses() []string {
	var out []string
	switch k {
	case SearchTask:
		for _, s := range Statuses {
			out = append(out, string(s))
		}
	case SearchProgram:
		for _, s := range []ProgramStatus{ProgramDraft, ProgramSubmitted, ProgramReturned, ProgramApproved, ProgramIssued, ProgramAmended, ProgramSuperseded} {
			out = append(out, string(s))
		}
	case SearchReport:
		for _, s := range []ReportStatus{ReportDraft, ReportSubmitted, ReportAccepted, ReportReturned} {
			out = append(out, string(s))
		}
	case SearchMeeting:
		for _, s := range []MeetingStatus{MeetingPlanned, MeetingPostponed, MeetingCancelled, MeetingHeld} {
			out = append(out, string(s))
		}
	}
	return out
}

// SearchReach is how far an actor's search reaches in one kind: Reach as [Actor.Reach]
// gives it, and for programs and their items Drafts, the reach of ViewDrafts.
type SearchReach struct {
	Reach, Drafts *Reach
}

// SearchFilter is what a search asks.
type SearchFilter struct {
	Query string     // the search box's text ([vn.ParseQuery])
	Kind  SearchKind // one kind, or every kind the actor may see when empty
	// OrgID keeps the records of an org: a task it leads or supports, a program it issued
	// and its items, a report it wrote, a meeting or calendar entry it holds, an agenda item
	// it prepares or whose meeting it holds, a document it issued, the org itself and its
	// people.
	OrgID *int64
	// Period keeps the records of a period: of its programs (programs, items, tasks and
	// their reports), or dated within it (meetings, agenda items, calendar entries,
	// documents). Orgs and people have no period and are left out.
	Period *Period
	Status string // a status of Kind ([SearchKind.Statuses]); only with Kind
	AsOf   Date   // the day task statuses are read on; today when zero
	Offset int    // of Kind's hits; only with Kind
	Limit  int    // hits listed per kind
	// Reaches holds the actor's reach for each kind it may search; kinds not in it are
	// not searched.
	Reaches map[SearchKind]SearchReach
}

// SearchReaches returns the reach of a's search in each kind it may see.
func SearchReaches(a Actor) map[SearchKind]SearchReach {
	out := map[SearchKind]SearchReach{}
	for _, k := range SearchKinds {
		c := k.Capability()
		if !a.Can(c) {
			continue
		}
		r := SearchReach{Reach: a.Reach(c)}
		if k == SearchProgram || k == SearchItem {
			r.Drafts = a.Reach(ViewDrafts)
		}
		out[k] = r
	}
	return out
}

// SearchHit is one record found: enough to list it, link to it and say where it belongs.
type SearchHit struct {
	Kind      SearchKind
	ID        int64
	Title     string // the record's name or first line, in its own spelling
	Text      string // the longer text the snippet is cut from ("" when Title is all)
	OrgID     int64  // the org it belongs to (lead, issuer, holder, author)
	ProgramID int64  // the program it belongs to, for items, tasks and reports
	MeetingID int64  // the meeting it belongs to, for agenda items and documents
	TaskID    int64  // the task a report is on
	Day       Date   // its day, for recency and for where it belongs: a program's period
	// start, a task's deadline, a report's writing, a meeting's or entry's day, a
	// document's issue
	Status string
	// Rank orders the hits: 0 first. It counts the query terms typed with diacritics
	// that the record lacks as typed, times two, plus one when a term matched only as the
	// start of a longer word.
	Rank int
}

// SearchGroup is the hits of one kind: how many match (at most [SearchWindow], and
// More when there are more), and the page of them asked for.
type SearchGroup struct {
	Kind  SearchKind
	Count int
	More  bool
	Hits  []SearchHit
}

// SearchWindow is the most matches of one kind a search ranks and counts: the newest
// ones. A count at the window reads "more than"; more words narrow it.
const SearchWindow = 1000
