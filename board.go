package congtac

// BoardBy is what a status board groups tasks by.
type BoardBy string

// The groupings of a status board.
const (
	BoardByOrg    BoardBy = "org"
	BoardBySector BoardBy = "sector"
	BoardByLeader BoardBy = "leader"
)

// BoardBys lists the groupings, the default first.
var BoardBys = []BoardBy{BoardByOrg, BoardBySector, BoardByLeader}

// Label returns the Vietnamese name of the grouping, as a column heading.
func (b BoardBy) Label() string {
	switch b {
	case BoardByOrg:
		return "Cơ quan chủ trì"
	case BoardBySector:
		return "Lĩnh vực"
	case BoardByLeader:
		return "Lãnh đạo phụ trách"
	}
	return ""
}

// Board is a status board (bảng theo dõi): the statuses, as of AsOf, of the tasks the
// issued programs of Period list, in total and by the grouping By, and month by month
// before it (Trend), counted by the store's roll-up so that every screen agrees.
type Board struct {
	Period Period
	AsOf   Date
	By     BoardBy
	Total  Counts
	Rows   []BoardRow
	Trend  []BoardMonth
}

// BoardRow is one group of a board: an org, a sector or a leader, keyed as lists filter
// tasks by it (an ID, or a sector's code).
type BoardRow struct {
	Key    string
	Label  string
	Counts Counts
}

// BoardMonth is one month of a board's trend: the tasks its issued programs list.
type BoardMonth struct {
	Period Period
	Counts Counts
}

// OnTimeRate returns the share, in percent, of the tasks done on time among those that fell
// due: done on time, done late or overdue; ok is false when none fell due.
func (c Counts) OnTimeRate() (rate float64, ok bool) {
	due := c[StatusDoneOnTime] + c[StatusDoneLate] + c[StatusOverdue]
	if due == 0 {
		return 0, false
	}
	return 100 * float64(c[StatusDoneOnTime]) / float64(due), true
}
