package web

import (
	"fmt"
	"net/http"

	"congtac"
)

// apiMeeting is a meeting as lists show it. A recurring meeting (the weekly briefing) has
// the date of its first session and its rule.
type apiMeeting struct {
	ID            int64   `json:"id"`
	OrgID         int64   `json:"org_id"`
	ProgramID     *int64  `json:"program_id"`
	Kind          string  `json:"kind"`
	KindLabel     string  `json:"kind_label"`
	Title         string  `json:"title"`
	Date          string  `json:"date"`
	Start         *string `json:"start"`
	Part          *string `json:"part"`
	PartLabel     string  `json:"part_label"`
	Place         string  `json:"place"`
	ChairID       *int64  `json:"chair_id"`
	Attendees     string  `json:"attendees"`
	InvitedPeople []int64 `json:"invited_people"`
	InvitedOrgs   []int64 `json:"invited_orgs"`
	Recurrence    *string `json:"recurrence"`
	OffDays       string  `json:"off_days"`
	Status        string  `json:"status"`
	StatusLabel   string  `json:"status_label"`
	Note          string  `json:"note"`
	Sequence      int     `json:"sequence"`
	Version       int     `json:"version"`
}

func newAPIMeeting(m congtac.Meeting) apiMeeting {
	out := apiMeeting{ID: m.ID, OrgID: m.OrgID, ProgramID: apiID(m.ProgramID), Kind: string(m.Kind),
		KindLabel: m.Kind.Label(), Title: m.Title, Date: m.Date.String(), Start: apiClock(m.Start),
		Part: apiCode(m.Part), PartLabel: m.Part.Label(), Place: m.Place, ChairID: apiID(m.ChairID),
		Attendees: m.Attendees, InvitedPeople: append([]int64{}, m.InvitedPeople...),
		InvitedOrgs: append([]int64{}, m.InvitedOrgs...), Status: string(m.Status), StatusLabel: m.Status.Label(), Note: m.Note,
		Sequence: m.Sequence, Version: m.Version}
	if m.Recurrence != nil {
		out.Recurrence = ptr(m.Recurrence.String())
		out.OffDays = string(m.OffDays)
	}
	return out
}

// apiMeetingDetail is a meeting with its agenda.
type apiMeetingDetail struct {
	apiMeeting
	Agenda   []apiAgendaItem `json:"agenda"`
	Sittings []apiSitting    `json:"changed_sittings"`
}

// apiAgendaItem is a matter put to a meeting.
type apiAgendaItem struct {
	ID           int64   `json:"id"`
	MeetingID    int64   `json:"meeting_id"`
	Position     int     `json:"position"`
	Title        string  `json:"title"`
	LeadID       *int64  `json:"lead_id"`
	SupportIDs   []int64 `json:"support_ids"`
	PresenterID  *int64  `json:"presenter_id"`
	Minutes      int     `json:"minutes"`
	MaterialsDue *string `json:"materials_due"`
	Materials    string  `json:"materials"`
	Conclusion   string  `json:"conclusion"`
	Version      int     `json:"version"`
}

// meetingSchemas returns the schemas of the meeting DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func meetingSchemas() map[string]*oaSchema {
	meeting := schObject("Hội nghị, cuộc họp.", oaProps{
		"id": schInt("Mã."), "org_id": schInt("Cơ quan tổ chức."),
		"program_id": schNullable(schInt("Chương trình có hội nghị.")),
		"kind":       schEnum("Loại.", meetingKinds...), "kind_label": schString("Tên loại."), "title": schString("Tên hội nghị."),
		"date":  schDate("Ngày họp (buổi đầu tiên với hội nghị định kỳ)."),
		"start": schNullable(schString("Giờ bắt đầu HH:MM; null khi chưa định giờ.")),
		"part":  schNullable(schEnum("Buổi khi chưa định giờ.", dayParts...)), "part_label": schString("Tên buổi."),
		"place": schString("Địa điểm."), "chair_id": schNullable(schInt("Người chủ trì (mã cán bộ).")),
		"attendees":      schString("Thành phần, như giấy mời ghi, ngoài những người, cơ quan được mời đích danh."),
		"invited_people": schArray(schInt("Cán bộ được mời đích danh (lịch và lịch đăng ký của họ có hội nghị).")),
		"invited_orgs":   schArray(schInt("Cơ quan được mời cử người dự.")),
		"recurrence":     schNullable(schString("Quy tắc lặp lại RRULE (RFC 5545) của hội nghị định kỳ; DTSTART là date.")),
		"off_days":       schEnum("Buổi họp định kỳ rơi vào ngày nghỉ: trống: giữ và nhắc; skip: không họp; next: dời sang ngày làm việc kế tiếp.", offDayCodes...),
		"status":         schEnum("Trạng thái.", meetingStatuses...), "status_label": schString("Tên trạng thái."),
		"note":     schString("Ghi chú: tạm hoãn, có thông báo sau."),
		"sequence": schInt("Số lần thay đổi mà ứng dụng lịch cần biết (SEQUENCE của iCalendar)."),
		"version":  schInt("Phiên bản."),
	})
	return map[string]*oaSchema{
		"Meeting": meeting,
		"MeetingDetail": schExtend(meeting, "Hội nghị với các nội dung trình.", oaProps{
			"agenda":           schArray(schRef("AgendaItem")),
			"changed_sittings": schArray(schRef("Sitting")),
		}),
		"AgendaItem": schObject("Nội dung trình hội nghị.", oaProps{
			"id": schInt("Mã."), "meeting_id": schInt("Hội nghị."), "position": schInt("Thứ tự."),
			"title":         schString("Nội dung."),
			"lead_id":       schNullable(schInt("Cơ quan chủ trì chuẩn bị.")),
			"support_ids":   schArray(schInt("Cơ quan phối hợp chuẩn bị.")),
			"presenter_id":  schNullable(schInt("Người trình bày (mã cán bộ).")),
			"minutes":       schInt("Thời lượng dự kiến (phút)."),
			"materials_due": schNullable(schDate("Hạn gửi tài liệu.")), "materials": schString("Tài liệu."),
			"conclusion": schString("Kết luận."), "version": schInt("Phiên bản."),
		}),
	}
}

// handleAPIMeetingList lists the meetings of orgs within the actor's ViewMeetings reach by
// day and time, filtered by from and to (a recurring meeting matches when one of its
// sessions falls in the range), kind, org and q. The store returns at most 1,000
// meetings, which bounds total.
func (s *Server) handleAPIMeetingList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.MeetingFilter{From: q.date("from"), To: q.date("to"), OrgID: q.id("org"),
		Query: q.text("q"), Reach: actorOf(r).Reach(congtac.ViewMeetings)}
	if k := q.text("kind"); k != "" {
		f.Kind = ptr(congtac.MeetingKind(k))
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	meetings, err := s.st.FindMeetings(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api meetings: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(meetings, limit, offset, newAPIMeeting))
}

// handleAPIMeetingShow answers one meeting with its agenda; 404 when it does not exist or
// its org is outside the actor's ViewMeetings reach.
func (s *Server) handleAPIMeetingShow(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "hội nghị")
	if !ok {
		return
	}
	m, err := s.findVisibleMeeting(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api meeting: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIMeetingDetail(m))
}

func newAPIMeetingDetail(m congtac.Meeting) apiMeetingDetail {
	out := apiMeetingDetail{apiMeeting: newAPIMeeting(m), Agenda: []apiAgendaItem{}, Sittings: []apiSitting{}}
	for _, it := range m.Agenda {
		out.Agenda = append(out.Agenda, newAPIAgendaItem(it))
	}
	for _, o := range m.Changed {
		out.Sittings = append(out.Sittings, newAPISitting(o))
	}
	return out
}

func newAPIAgendaItem(it congtac.AgendaItem) apiAgendaItem {
	return apiAgendaItem{ID: it.ID, MeetingID: it.MeetingID, Position: it.Position, Title: it.Title,
		LeadID: apiID(it.Lead), SupportIDs: append([]int64{}, it.Support...), PresenterID: apiID(it.PresenterID),
		Minutes: it.Minutes, MaterialsDue: apiDate(it.MaterialsDue), Materials: it.Materials,
		Conclusion: it.Conclusion, Version: it.Version}
}

// offDayCodes are the codes of congtac.OffDayRules, for the OpenAPI document.
var offDayCodes = codesOf(congtac.OffDayRules)
