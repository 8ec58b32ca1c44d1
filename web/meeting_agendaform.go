package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
)

// agendaForm is the form of one agenda item, as typed, with the messages of a refused post.
type agendaForm struct {
	Action       string
	ID           int64 // 0 for a new item
	Version      int
	Number       int
	Title        string
	Lead         string
	Support      []string
	Presenter    string
	Minutes      string
	MaterialsDue string // YYYY-MM-DD; "" for the default day
	Materials    string
	Conclusion   string
	Leads        []option // every active org
	Presenters   []option
	Assign       string   // where the conclusion becomes a task; "" before the meeting is held or without one
	Programs     []option // the programs a conclusion's task may go into
	Errors       map[string]string
	General      []string
}

// agendaFields are the form's fields, by the names the store's errors use.
var agendaFields = []string{"title", "lead_id", "support", "presenter_id", "minutes", "materials_due", "materials",
	"conclusion"}

// Fields returns the form's fields with their messages; ids differ by item.
func (f agendaForm) Fields() []field {
	e, id := f.Errors, fmt.Sprintf("a%d-", f.ID)
	leads, supports := marked(f.Leads, []string{f.Lead}), marked(f.Leads, f.Support)
	return []field{
		newField(e, field{Kind: fieldTextarea, ID: id + "title", Name: "title", Label: "Nội dung trình", Rows: 2,
			Required: true, Value: f.Title}),
		newField(e, field{Kind: fieldSelect, ID: id + "lead", Name: "lead", Key: "lead_id", Label: "Cơ quan chủ trì chuẩn bị",
			Blank: "Không ghi", OrgPicker: true, Options: leads}),
		newField(e, field{Kind: fieldSelect, ID: id + "support", Name: "support", Label: "Cơ quan phối hợp chuẩn bị",
			Multiple: true, Size: 5, OrgPicker: true, Options: supports}),
		newField(e, field{Kind: fieldSelect, ID: id + "presenter", Name: "presenter", Key: "presenter_id",
			Label: "Người trình bày", Blank: "Không ghi", Options: f.Presenters}),
		newField(e, field{ID: id + "minutes", Name: "minutes", Label: "Thời lượng (phút)", Type: "number", Min: "0",
			Max: "1440", Value: f.Minutes}),
		newField(e, field{ID: id + "due", Name: "materials_due", Label: "Hạn gửi tài liệu (trống: trước ngày họp 5 ngày làm việc)",
			Type: "date", Value: f.MaterialsDue}),
		newField(e, field{ID: id + "materials", Name: "materials", Label: "Tài liệu", Value: f.Materials}),
		newField(e, field{Kind: fieldTextarea, ID: id + "conclusion", Name: "conclusion", Label: "Kết luận của hội nghị",
			Rows: 2, Value: f.Conclusion}),
	}
}

// readAgendaForm reads a posted agenda item form.
func readAgendaForm(r *http.Request) *agendaForm {
	r.ParseForm()
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	version, _ := strconv.Atoi(get("version"))
	return &agendaForm{Version: version, Title: r.PostFormValue("title"), Lead: get("lead"), Support: r.PostForm["support"],
		Presenter: get("presenter"), Minutes: get("minutes"), MaterialsDue: get("materials_due"),
		Materials: get("materials"), Conclusion: r.PostFormValue("conclusion"), Errors: map[string]string{}}
}

// agendaFormOf returns the form of item it, numbered n.
func agendaFormOf(it congtac.AgendaItem, n int) *agendaForm {
	f := &agendaForm{ID: it.ID, Version: it.Version, Number: n, Title: it.Title, Lead: optionID(it.Lead),
		Presenter: optionID(it.PresenterID), MaterialsDue: it.MaterialsDue.String(), Materials: it.Materials,
		Conclusion: it.Conclusion, Errors: map[string]string{}}
	if it.MaterialsDue.IsZero() {
		f.MaterialsDue = ""
	}
	if it.Minutes > 0 {
		f.Minutes = strconv.Itoa(it.Minutes)
	}
	for _, s := range it.Support {
		f.Support = append(f.Support, optionID(s))
	}
	return f
}

// item returns the agenda item the form describes, EINVALID naming each field that cannot
// be read.
func (f *agendaForm) item() (congtac.AgendaItem, error) {
	var p congtac.Problems
	it := congtac.AgendaItem{Title: f.Title, Materials: f.Materials, Conclusion: f.Conclusion}
	it.Lead = formID(&p, "lead_id", f.Lead)
	it.PresenterID = formID(&p, "presenter_id", f.Presenter)
	for _, v := range f.Support {
		if id := formID(&p, "support", v); id != 0 {
			it.Support = append(it.Support, id)
		}
	}
	if f.Minutes != "" {
		n, err := strconv.Atoi(f.Minutes)
		if err != nil || n < 0 {
			p.Add("minutes", "Thời lượng phải là số phút.")
		}
		it.Minutes = n
	}
	if f.MaterialsDue != "" {
		it.MaterialsDue = bodyDate(&p, "materials_due", f.MaterialsDue)
	}
	return it, p.Err()
}

// update returns the change the form makes to an agenda item.
func (f *agendaForm) update() (congtac.AgendaItemUpdate, error) {
	it, err := f.item()
	support := it.Support
	if support == nil {
		support = []int64{}
	}
	return congtac.AgendaItemUpdate{Title: &it.Title, Lead: &it.Lead, Support: &support, PresenterID: &it.PresenterID,
		Minutes: &it.Minutes, MaterialsDue: &it.MaterialsDue, Materials: &it.Materials, Conclusion: &it.Conclusion}, err
}

// setErrors spreads an EINVALID error over the form's fields.
func (f *agendaForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, agendaFields)
}

// statusForm changes where a meeting stands: postponed or cancelled with the reason that
// is announced, held, or planned again.
type statusForm struct {
	Action  string
	Version int
	Status  string // now
	Note    string
	Errors  map[string]string
	General []string
}

// Choices returns the statuses a meeting may move to from where it stands.
func (f statusForm) Choices() []option {
	var out []option
	for _, st := range []congtac.MeetingStatus{congtac.MeetingPlanned, congtac.MeetingPostponed, congtac.MeetingCancelled,
		congtac.MeetingHeld} {
		if string(st) != f.Status {
			out = append(out, option{Value: string(st), Label: st.Label()})
		}
	}
	return out
}

// NoteField returns the field of the reason, with its message.
func (f statusForm) NoteField() field {
	return newField(f.Errors, field{Kind: fieldTextarea, ID: "s-note", Name: "note", Rows: 2, Value: f.Note,
		Label: "Lý do hoãn, hủy (được thông báo cho thành phần mời)"})
}

// StatusError returns the message on the status chosen.
func (f statusForm) StatusError() field {
	return newField(f.Errors, field{ID: "s-status", Name: "status"})
}

// sittingForm moves or cancels one sitting of a series, or holds it again as the rule
// gives it.
type sittingForm struct {
	Action   string
	Version  int
	Of       string   // the sitting chosen, YYYY-MM-DD
	Upcoming []option // the sittings of the coming weeks
	Date     string
	Time     string
	Place    string
	Cancel   bool
	Note     string
	Changed  []sittingRow
	Errors   map[string]string
	General  []string
}

// sittingRow is a sitting changed on its own, as the form lists it, with what restores it.
type sittingRow struct {
	Of, Text string
}

// sittingFields are the form's fields, by the names the store's errors use.
var sittingFields = []string{"occurrence", "date", "start", "part", "place", "note"}

// Fields returns the form's fields with their messages.
func (f sittingForm) Fields() []field {
	e := f.Errors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "o-of", Name: "of", Key: "occurrence", Label: "Buổi họp", Options: f.Upcoming,
			Required: true}),
		newField(e, field{ID: "o-date", Name: "date", Label: "Dời sang ngày (trống: giữ ngày)", Type: "date", Value: f.Date}),
		newField(e, field{ID: "o-time", Name: "time", Key: "start", Label: "Giờ hoặc buổi (trống: như lịch định kỳ)", Value: f.Time}),
		newField(e, field{ID: "o-place", Name: "place", Label: "Địa điểm (trống: như lịch định kỳ)", Value: f.Place}),
		newField(e, field{ID: "o-note", Name: "note", Label: "Lý do (được thông báo; bắt buộc khi hủy)", Value: f.Note}),
	}
}
