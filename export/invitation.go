package export

import (
	"cmp"
	"strings"

	"congtac"
	"congtac/vn"
)

// InvitationDoc is an invitation (giấy mời, GM) to a meeting: who is invited, who chairs,
// when and where, the agenda with the orgs that prepare each matter, and when materials
// are due.
type InvitationDoc struct {
	Settings congtac.Settings
	Meeting  congtac.Meeting // with its Agenda
	// Document is the invitation as registered: number, symbol, date, place, summary,
	// signature, recipients. A draft leaves Number and IssuedOn zero; an empty Summary
	// reads "Dự <meeting title>".
	Document congtac.Document
	Orgs     map[int64]string // org names by ID: the holding committee, the preparing orgs
	People   map[int64]string // people's names by ID: the chair, the people invited
	// Chair is who chairs as "Chủ trì:" names them, the post before the name: "Chủ tịch
	// UBND huyện Lục Ngạn Nguyễn Văn Giang". Empty: "đồng chí" and the chair's name in
	// People (snapshots taken before Chair existed).
	Chair   string
	Draft   bool // print a blank number and date and the "DỰ THẢO" mark, without images
	Options Options
}

// letter returns the invitation's masthead and signature data.
func (d InvitationDoc) letter() letter {
	year := cmp.Or(d.Document.IssuedOn.Year, d.Meeting.Date.Year)
	return docLetter(d.Settings, congtac.DocInvitation, d.Document, year, d.Draft, d.Options, d.Summary())
}

// Summary returns the summary the invitation prints under "GIẤY MỜI", worded alike for a
// draft and an issued one: "Dự <meeting title>", or the registered summary without the
// verb that repeats the type ("Mời dự …" prints "Dự …"). The register adds the type:
// "Giấy mời dự …".
func (d InvitationDoc) Summary() string {
	if s := withoutType(congtac.DocInvitation, d.Document.Summary); s != "" {
		return vn.Capitalize(s)
	}
	return "Dự " + oneLine(d.Meeting.Title)
}

// docLetter returns the letter of a registered document with the summary it prints; a
// draft (or a document without number or date) prints number and date blank.
func docLetter(st congtac.Settings, kind congtac.DocType, doc congtac.Document, year int, draft bool,
	opts Options, summary string) letter {
	l := letter{settings: st, kind: kind, number: doc.Number, symbol: doc.Symbol, date: doc.IssuedOn,
		place: cmp.Or(doc.Place, st.Place), summary: summary,
		signature: doc.Signature, recipients: doc.Recipients, draft: draft, options: opts}
	if l.draft || l.number <= 0 || l.date.IsZero() {
		l.draft = true
		l.date = congtac.Date{Year: year}
	}
	return l
}

// layout implements [Doc].
func (d InvitationDoc) layout(m *metrics) (*sheet, error) {
	return d.letter().sheet(m, d.body())
}

// body returns the invitation's text.
func (d InvitationDoc) body() []block {
	m := d.Meeting
	host := cmp.Or(oneLine(d.Orgs[m.OrgID]), "Ủy ban nhân dân")
	out := []block{bodyPara(plain(host + " trân trọng kính mời:"))}
	for _, a := range listLines(invitedText(m, d.People, d.Orgs)) {
		out = append(out, bodyPara(plain(a)))
	}
	out = append(out, bodyPara(plain("Tới dự "+strings.TrimRight(oneLine(m.Title), ".")+".")))
	if chair := d.chair(); chair != "" {
		out = append(out, labelPara("Chủ trì: ", strings.TrimRight(chair, ".")+"."))
	}
	if when := meetingWhen(m); when != "" {
		out = append(out, labelPara("Thời gian: ", when+"."))
	}
	if place := oneLine(m.Place); place != "" {
		out = append(out, labelPara("Địa điểm: ", strings.TrimRight(place, ".")+"."))
	}
	if lines := AgendaLines(m.Agenda, d.Orgs); len(lines) > 0 {
		p := labelPara("Nội dung:", "")
		p.keepNext = true
		out = append(out, p)
		for _, l := range lines {
			out = append(out, bodyPara(plain(l)))
		}
	}
	if due := d.materialsDue(); !due.IsZero() {
		out = append(out, bodyPara(plain("Đề nghị các cơ quan được phân công chuẩn bị nội dung gửi tài liệu về cơ quan tổ chức "+
			"hội nghị trước ngày "+vn.PaddedDate(due)+".")))
	}
	if note := oneLine(m.Note); note != "" {
		out = append(out, labelPara("Ghi chú: ", note))
	}
	return append(out, bodyPara(plain("Rất mong các đồng chí tham dự đúng thành phần, thời gian.")))
}

// chair returns who chairs as the invitation names them: [InvitationDoc.Chair], else
// "đồng chí <name>"; "" when nobody is named.
func (d InvitationDoc) chair() string {
	if c := oneLine(d.Chair); c != "" {
		return c
	}
	if n := oneLine(d.People[d.Meeting.ChairID]); n != "" {
		return "đồng chí " + n
	}
	return ""
}

// materialsDue returns the earliest materials deadline of the agenda, or the day the
// settings' lead days in working days before the meeting; zero for a meeting without agenda.
func (d InvitationDoc) materialsDue() congtac.Date {
	var due congtac.Date
	for _, a := range d.Meeting.Agenda {
		if !a.MaterialsDue.IsZero() && (due.IsZero() || a.MaterialsDue.Before(due)) {
			due = a.MaterialsDue
		}
	}
	if due.IsZero() && len(d.Meeting.Agenda) > 0 && !d.Meeting.Date.IsZero() {
		due = d.Settings.AddWorkingDays(d.Meeting.Date, -d.Settings.MaterialsLeadDays)
	}
	return due
}

// labelPara returns a body paragraph starting with a bold label: "Thời gian: 8 giờ 00 …".
func labelPara(label, s string) para {
	if s == "" {
		return bodyPara(strong(label))
	}
	return bodyPara(strong(label), plain(s))
}

// invitedText returns who is invited to m, a line each: the people invited by name
// ("Đồng chí Nguyễn Văn Giang, Chủ tịch UBND huyện"), the orgs asked to send someone
// ("Đại diện lãnh đạo Sở Tài chính"), then the attendees as written.
func invitedText(m congtac.Meeting, people, orgs map[int64]string) string {
	var lines []string
	for _, p := range m.InvitedPeople {
		if n := oneLine(people[p]); n != "" {
			lines = append(lines, "Đồng chí "+n)
		}
	}
	for _, o := range m.InvitedOrgs {
		if n := oneLine(orgs[o]); n != "" {
			lines = append(lines, "Đại diện lãnh đạo "+n)
		}
	}
	return strings.Join(append(lines, m.Attendees), "\n")
}

// listLines returns a list given as "a; b; c" or one item a line, each item as a dash
// line ending ";", the last ".".
func listLines(s string) []string {
	var items []string
	for _, p := range paragraphs(s) {
		for _, it := range strings.Split(p, ";") {
			if it = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(it), "-–•+")); it != "" {
				items = append(items, strings.TrimRight(it, ".,; "))
			}
		}
	}
	for i := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		items[i] = "- " + items[i] + end
	}
	return items
}
