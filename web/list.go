package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"congtac"
	"congtac/vn"
)

// pager places one page of a list among the others, for the links under a table.
type pager struct {
	Page, Pages int
	Total       int // rows in the whole list
	First, Last int // 1-based positions of the rows on this page; 0 when there are none
	Prev, Next  string
}

// pageParam returns the 1-based page the query asks for in parameter "page"; anything
// else than a positive number is the first page.
func pageParam(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// newPager returns the pager of page (1-based) of a list of total rows shown perPage at a
// time, whose links keep the request's other query parameters.
func newPager(r *http.Request, page, perPage, total int) pager {
	p := pager{Page: page, Total: total, Pages: max(1, (total+perPage-1)/perPage)}
	if total > 0 && page <= p.Pages {
		p.First, p.Last = (page-1)*perPage+1, min(page*perPage, total)
	}
	link := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		if n == 1 {
			q.Del("page")
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	return p
}

// option is one choice of a select, with whether the request chose it.
type option struct {
	Value, Label string
	Selected     bool
}

// optionsOf returns the choices of a select from values and labels, marking chosen.
func optionsOf[T ~string](values []T, label func(T) string, chosen string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: string(v), Label: label(v), Selected: string(v) == chosen}
	}
	return out
}

// orgOptions returns the orgs of nodes as choices, indented by depth with em spaces, since a
// select can hold no markup.
func orgOptions(nodes []orgNode, chosen string) []option {
	out := make([]option, len(nodes))
	for i, n := range nodes {
		id := strconv.FormatInt(n.ID, 10)
		indent := ""
		for range n.Depth {
			indent += "\u2003"
		}
		out[i] = option{Value: id, Label: indent + n.Name, Selected: id == chosen}
	}
	return out
}

// statusView is a computed status as pages show it: its key names the CSS class.
type statusView struct{ Key, Label string }

// taskStatusView returns the view of a task, share or occurrence status.
func taskStatusView(s congtac.Status) statusView { return statusView{string(s), s.Label()} }

// statusCount is one cell of the summary above a list: a status, how many, and the link
// that lists only those.
type statusCount struct {
	statusView
	N       int
	Href    string
	Current bool
}

// duePhrase returns the words the deadline was given in when they say more than
// [congtac.Due.Label]: "chậm nhất trong tháng 5/2026"; "" otherwise.
func duePhrase(d congtac.Due) string {
	if d.IsVague() || d.Text == "" || vn.Fold(d.Text) == vn.Fold(d.String()) {
		return ""
	}
	return d.Text
}

// clockText returns when an entry starts: the time in house style ("14 giờ 00"), or the
// part of the day ("Chiều") when no time is given.
func clockText(t congtac.ClockTime, part congtac.DayPart) string {
	if s := vn.FormatClock(t); s != "" {
		return s
	}
	return part.Label()
}

// dayText returns a day with its weekday, as schedules head it: "Thứ Sáu, 27/11/2026".
func dayText(d congtac.Date) string {
	if d.IsZero() {
		return ""
	}
	return vn.Weekday(d.Weekday()) + ", " + vn.ShortDate(d)
}

// instantText returns an instant in loc in house style: "8 giờ 30, ngày 27/11/2026"; "" for
// the zero time.
func instantText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return vn.FormatClock(congtac.At(t.Hour(), t.Minute())) + ", ngày " + vn.ShortDate(congtac.DateOf(t, loc))
}

// pathID returns the positive integer path value name, or false.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// numberText writes v the Vietnamese way, to at most three decimals: "1.234.567,5".
func numberText(v float64) string { return congtac.FormatDecimal(v, 3) }

// shortText returns s cut to about n characters at a word boundary, for titles.
func shortText(s string, n int) string { return congtac.Excerpt(s, n) }
