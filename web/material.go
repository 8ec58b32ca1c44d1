package web

import (
	"fmt"
	"io"
	"net/http"

	"congtac"
)

// handleMaterialCreate attaches the uploaded file (field file: PDF or DOCX, at most
// congtac.MaxMaterialBytes, its type read from its bytes) to an agenda item, for the org
// that prepares it or the office, and goes back to the meeting.
func (s *Server) handleMaterialCreate(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("nội dung trình hội nghị"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	it, err := s.findVisibleAgendaItem(ctx, a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name, data, err := uploadedFile(r, "file", congtac.MaxMaterialBytes)
	if err == nil {
		_, err = s.st.AddMaterial(ctx, a, it.ID, name, data)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã gửi tài liệu "+congtac.MaterialName(name)+".")
	http.Redirect(w, r, meetingHref(it.MeetingID), http.StatusSeeOther)
}

// uploadedFile reads the file of a multipart form's field, at most max bytes.
func uploadedFile(r *http.Request, field string, max int) (string, []byte, error) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return "", nil, congtac.FieldError(field, "Không đọc được tệp tải lên (tối đa %d MB).", max>>20)
	}
	f, h, err := r.FormFile(field)
	if err != nil {
		return "", nil, congtac.FieldError(field, "Chưa chọn tệp.")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return "", nil, fmt.Errorf("web: read upload: %w", err)
	}
	return h.Filename, data, nil
}

// handleMaterialShow sends a material to whoever may read its meeting.
func (s *Server) handleMaterialShow(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("tài liệu"))
		return
	}
	ctx := r.Context()
	m, data, meeting, err := s.st.FindMaterial(ctx, id)
	if err == nil {
		_, err = s.findVisibleMeeting(ctx, actorOf(r), meeting)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendFile(w, r, m.ContentType, m.Name, data)
}

// handleMaterialDelete removes a material (the office, or the org that attached it) and
// goes back to the meeting.
func (s *Server) handleMaterialDelete(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("tài liệu"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	m, _, meeting, err := s.st.FindMaterial(ctx, id)
	if err == nil {
		_, err = s.findVisibleMeeting(ctx, a, meeting)
	}
	if err == nil {
		err = s.st.DeleteMaterial(ctx, a, id)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã xóa tài liệu "+m.Name+".")
	http.Redirect(w, r, meetingHref(meeting), http.StatusSeeOther)
}
