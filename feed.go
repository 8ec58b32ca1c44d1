package congtac

import (
	"strings"
	"time"
)

// FeedKind says whose calendar a subscription feed carries.
type FeedKind string

// The feeds a calendar application can subscribe to: a leader's engagements and the
// meetings he chairs; an org's meetings, those whose matters it prepares, and the entries
// it prepares; a committee's whole calendar.
const (
	FeedPerson    FeedKind = "person"
	FeedOrg       FeedKind = "org"
	FeedCommittee FeedKind = "committee"
)

// FeedKinds lists the kinds of feed.
var FeedKinds = []FeedKind{FeedPerson, FeedOrg, FeedCommittee}

// Label returns the Vietnamese name of the kind.
func (k FeedKind) Label() string {
	switch k {
	case FeedPerson:
		return "Lịch của lãnh đạo"
	case FeedOrg:
		return "Lịch của cơ quan, đơn vị"
	case FeedCommittee:
		return "Lịch công tác của Ủy ban"
	}
	return ""
}

// Feed is a calendar subscription (iCalendar over HTTP) behind a secret token in its
// address, which calendar applications read without signing in. It belongs to the user
// who made it and shows only what that user may see; revoking it ends it for good.
type Feed struct {
	ID        int64
	UserID    int64
	Kind      FeedKind
	SubjectID int64 // the person, the org or the committee
	Name      string
	CreatedAt time.Time
	RevokedAt time.Time // zero while active
}

// MaxActiveFeeds is how many active feeds one user may hold.
const MaxActiveFeeds = 20

// Active reports whether the feed still answers.
func (f Feed) Active() bool { return f.RevokedAt.IsZero() }

// Validate checks the feed's kind, subject and name.
func (f Feed) Validate() error {
	var p Problems
	p.Text("name", "Tên", f.Name)
	if f.Kind.Label() == "" {
		p.Add("kind", "Loại lịch %q không hợp lệ.", string(f.Kind))
	}
	if f.SubjectID <= 0 {
		p.Add("subject_id", "Chưa chọn lãnh đạo, cơ quan hoặc Ủy ban của lịch.")
	}
	if strings.TrimSpace(f.Name) == "" {
		p.Add("name", "Đặt tên cho lịch để nhận ra nó trong ứng dụng lịch.")
	} else if len([]rune(f.Name)) > MaxFeedName {
		p.Add("name", "Tên lịch dài quá 100 ký tự.")
	}
	return p.Err()
}
