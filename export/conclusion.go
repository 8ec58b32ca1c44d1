package export

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// ConclusionDoc is the notice of a meeting's conclusions (thông báo kết luận, TB): when and
// where the meeting was held and who chaired it, then the chair's conclusion on each agenda
// item that has one, numbered in agenda order.
type ConclusionDoc struct {
	Settings congtac.Settings
	Meeting  congtac.Meeting // with its Agenda and each item's Conclusion
	// Document is the notice as registered (see [InvitationDoc.Document]); an empty
	// Summary reads "Kết luận của đồng chí <chair> tại <meeting title>".
	Document congtac.Document
	// Tasks are the tasks the conclusions give, by agenda item ID: each is printed under its
	// item's conclusion as an assignment (lead, supports, deadline).
	Tasks   map[int64][]congtac.Task `json:",omitempty"`
	Orgs    map[int64]string
	People  map[int64]string
	Draft   bool // print a blank number and date and the "DỰ THẢO" mark, without images
	Options Options
}

// layout implements [Doc].
func (d ConclusionDoc) layout(m *metrics) (*sheet, error) {
	year := cmp.Or(d.Document.IssuedOn.Year, d.Meeting.Date.Year)
	l := docLetter(d.Settings, congtac.DocNotice, d.Document, year, d.Draft, d.Options, d.Summary())
	return l.sheet(m, d.body())
}

// Summary returns the summary the notice prints: the registered one, else "Kết luận của
// đồng chí <chair> tại <meeting title>".
func (d ConclusionDoc) Summary() string {
	if s := oneLine(d.Document.Summary); s != "" {
		return s
	}
	if chair := oneLine(d.People[d.Meeting.ChairID]); chair != "" {
		return "Kết luận của đồng chí " + chair + " tại " + oneLine(d.Meeting.Title)
	}
	return "Kết luận tại " + oneLine(d.Meeting.Title)
}

// body returns the notice's text.
func (d ConclusionDoc) body() []block {
	m := d.Meeting
	var intro strings.Builder
	if !m.Date.IsZero() {
		intro.WriteString("Ngày " + vn.ShortDate(m.Date) + ", ")
	}
	if place := oneLine(m.Place); place != "" {
		intro.WriteString("tại " + place + ", ")
	}
	chair := oneLine(d.People[m.ChairID])
	if chair != "" {
		intro.WriteString("đồng chí " + chair + " đã chủ trì ")
	} else {
		intro.WriteString("đã diễn ra ")
	}
	intro.WriteString(strings.TrimRight(oneLine(m.Title), ".") + ".")
	if att := oneLine(m.Attendees); att != "" {
		intro.WriteString(" Tham dự có: " + strings.TrimRight(att, ".;") + ".")
	}
	intro.WriteString(" Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, đồng chí chủ trì kết luận như sau:")
	out := []block{bodyPara(plain(vn.Capitalize(intro.String())))}
	agenda := slices.Clone(m.Agenda)
	slices.SortStableFunc(agenda, func(a, b congtac.AgendaItem) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	n := 0
	for _, a := range agenda {
		texts := paragraphs(a.Conclusion)
		if len(texts) == 0 {
			continue
		}
		n++
		h := bodyPara(strong(strconv.Itoa(n) + ". " + strings.TrimRight(oneLine(a.Title), ".")))
		h.keepNext = true
		out = append(out, h)
		for _, t := range texts {
			out = append(out, bodyPara(plain(t)))
		}
		for _, t := range d.Tasks[a.ID] {
			out = append(out, bodyPara(plain(d.assignment(t, a.Conclusion))))
		}
	}
	if n == 0 {
		out = append(out, bodyPara(em("Hội nghị chưa có nội dung kết luận.")))
	}
	host := cmp.Or(oneLine(d.Orgs[m.OrgID]), "Ủy ban nhân dân")
	return append(out, bodyPara(plain(host+" thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.")))
}

// assignment writes task t given by a conclusion as the notice assigns it: "Giao Phòng Tài
// chính - Kế hoạch chủ trì, phối hợp với Phòng Kinh tế: <text>; thời hạn: tháng 5/2023.",
// without the text when it is the conclusion itself.
func (d ConclusionDoc) assignment(t congtac.Task, conclusion string) string {
	var b strings.Builder
	b.WriteString("- Giao " + oneLine(d.Orgs[t.Lead]) + " chủ trì")
	var supports []string
	for _, sp := range t.Support {
		if n := oneLine(d.Orgs[sp.OrgID]); n != "" {
			supports = append(supports, n)
		}
	}
	if len(supports) > 0 {
		b.WriteString(", phối hợp với " + strings.Join(supports, ", "))
	}
	if text := strings.TrimRight(oneLine(t.Text), ". "); text != strings.TrimRight(oneLine(conclusion), ". ") {
		b.WriteString(": " + vn.LowerFirst(text))
	} else {
		b.WriteString(" thực hiện")
	}
	if due := t.Due.String(); due != "" {
		b.WriteString("; thời hạn: " + due)
	}
	return b.String() + "."
}
