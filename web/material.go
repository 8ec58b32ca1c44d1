package web

import (
	"context"
	"errors"
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

// apiMaterial is a file attached to an agenda item, without its bytes.
type apiMaterial struct {
	ID          int64   `json:"id"`
	ItemID      int64   `json:"agenda_item_id"`
	Name        string  `json:"name"`
	ContentType string  `json:"content_type"`
	Size        int     `json:"size"`
	OrgID       int64   `json:"org_id"`
	CreatedAt   *string `json:"created_at"`
	Href        string  `json:"href"`
}

func newAPIMaterial(m congtac.Material) apiMaterial {
	return apiMaterial{ID: m.ID, ItemID: m.ItemID, Name: m.Name, ContentType: m.ContentType, Size: m.Size, OrgID: m.OrgID,
		CreatedAt: apiTime(m.CreatedAt), Href: fmt.Sprintf("/materials/%d", m.ID)}
}

// materialSchemas returns the schema of apiMaterial, for the OpenAPI document.
func materialSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{"Material": schObject("Tài liệu của một nội dung trình hội nghị (không kèm nội dung tệp).", oaProps{
		"id": schInt("Mã."), "agenda_item_id": schInt("Nội dung trình."), "name": schString("Tên tệp."),
		"content_type": schEnum("Loại tệp, đọc từ nội dung.", congtac.TypePDF, congtac.TypeDOCX),
		"size":         schInt("Dung lượng (byte)."), "org_id": schInt("Cơ quan gửi."),
		"created_at": schNullable(schDateTime("Gửi lúc")), "href": schString("Đường dẫn tải về (trang web, cần đăng nhập)."),
	})}
}

// handleAPIMaterialList lists the materials of a meeting's agenda items.
func (s *Server) handleAPIMaterialList(w http.ResponseWriter, r *http.Request) {
	apiFileList(s, w, r, "hội nghị", s.findVisibleMeeting, func(ctx context.Context, m congtac.Meeting) ([]congtac.Material, error) {
		return s.st.FindMaterials(ctx, m.ID)
	}, newAPIMaterial)
}

// handleAPIMaterialCreate attaches the request's body, named by ?name=, to an agenda item:
// PDF or DOCX, read from its bytes, at most congtac.MaxMaterialBytes; answers 201.
func (s *Server) handleAPIMaterialCreate(w http.ResponseWriter, r *http.Request) {
	apiFileCreate(s, w, r, "nội dung trình hội nghị", s.findVisibleAgendaItem,
		func(ctx context.Context, a congtac.Actor, it congtac.AgendaItem, name string, data []byte) (congtac.Material, error) {
			return s.st.AddMaterial(ctx, a, it.ID, name, data)
		}, newAPIMaterial, func(m congtac.Material) string { return fmt.Sprintf("/api/v1/materials/%d", m.ID) })
}

// handleAPIMaterialShow answers with a material, without its bytes, of an agenda item the
// actor may see; any other is 404.
func (s *Server) handleAPIMaterialShow(w http.ResponseWriter, r *http.Request) {
	if m, ok := apiRecord(s, w, r, "tài liệu", s.findVisibleMaterial); ok {
		writeJSON(w, http.StatusOK, newAPIMaterial(m))
	}
}

// handleAPIMaterialContent sends the file of a material of an agenda item the actor may
// see, as its type, named; any other is 404.
func (s *Server) handleAPIMaterialContent(w http.ResponseWriter, r *http.Request) {
	apiFileContent(s, w, r, "tài liệu", s.findVisibleMaterial,
		func(ctx context.Context, m congtac.Material) (string, string, []byte, error) {
			_, data, _, err := s.st.FindMaterial(ctx, m.ID)
			return m.ContentType, m.Name, data, err
		})
}

// apiFileContent sends the file of the record of the path, which find finds within the
// actor's reach without its bytes; read gives its type, name and bytes, read only then.
func apiFileContent[T any](s *Server, w http.ResponseWriter, r *http.Request, what string,
	find func(context.Context, congtac.Actor, int64) (T, error),
	read func(context.Context, T) (ctype, name string, data []byte, err error)) {
	v, ok := apiRecord(s, w, r, what, find)
	if !ok {
		return
	}
	ctype, name, data, err := read(r.Context(), v)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	sendFile(w, r, ctype, name, data)
}

// findVisibleMaterial returns material id, without its bytes, when a may see its agenda
// item; ENOTFOUND otherwise.
func (s *Server) findVisibleMaterial(ctx context.Context, a congtac.Actor, id int64) (congtac.Material, error) {
	m, err := s.st.FindMaterialInfo(ctx, id)
	if err == nil {
		_, err = s.findVisibleAgendaItem(ctx, a, m.ItemID)
	}
	return m, err
}

// apiFileList answers the files of the record of the path (what, as find finds it within
// the actor's reach), as files reads them, a page at a time.
func apiFileList[P, F, D any](s *Server, w http.ResponseWriter, r *http.Request, what string,
	find func(context.Context, congtac.Actor, int64) (P, error), files func(context.Context, P) ([]F, error), conv func(F) D) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	parent, ok := apiRecord(s, w, r, what, find)
	if !ok {
		return
	}
	list, err := files(r.Context(), parent)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api files: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(list, limit, offset, conv))
}

// apiFileCreate attaches the request's body, named by ?name=, to the record of the path
// with add, and answers 201 with the file, at the Location locate gives (none when nil).
func apiFileCreate[P, F, D any](s *Server, w http.ResponseWriter, r *http.Request, what string,
	find func(context.Context, congtac.Actor, int64) (P, error),
	add func(context.Context, congtac.Actor, P, string, []byte) (F, error), conv func(F) D, locate func(F) string) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	name := q.text("name")
	if q.fail(s, w, r) {
		return
	}
	parent, ok := apiRecord(s, w, r, what, find)
	if !ok {
		return
	}
	data, ok := s.apiUpload(w, r)
	if !ok {
		return
	}
	f, err := add(r.Context(), actorOf(r), parent, name, data)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api file: %w", err), 0)
		return
	}
	if locate != nil {
		w.Header().Set("Location", locate(f))
	}
	writeJSON(w, http.StatusCreated, conv(f))
}

// apiUpload reads the file a request's body holds, at most [congtac.MaxMaterialBytes] (its
// store method refuses a bigger one); a body over the server's limit answers 413 itself.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	return s.apiUploadUpTo(w, r, congtac.MaxMaterialBytes+1)
}

// apiUploadOf reads the file a request's body holds and answers 413 itself, with what the
// limit is, when it is bigger than limit bytes.
func (s *Server) apiUploadOf(w http.ResponseWriter, r *http.Request, limit int) ([]byte, bool) {
	data, ok := s.apiUploadUpTo(w, r, limit+1)
	if ok && len(data) > limit {
		s.apiFail(w, r, congtac.Errorf(congtac.EINVALID, "Tệp gửi lên lớn quá %s.", sizeName(limit)),
			http.StatusRequestEntityTooLarge)
		return nil, false
	}
	return data, ok
}

// sizeName writes a size in bytes as people read it: "1 MB", "20 MB", "512 kB".
func sizeName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d kB", n>>10)
}

// apiUploadUpTo reads at most max bytes of a request's body; a body over the server's
// limit answers 413 itself.
func (s *Server) apiUploadUpTo(w http.ResponseWriter, r *http.Request, max int) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(r.Body, int64(max)))
	if tooBig := new(http.MaxBytesError); errors.As(err, &tooBig) {
		status, e := jsonProblem(err)
		s.apiFail(w, r, e, status)
		return nil, false
	} else if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api upload: read: %w", err), 0)
		return nil, false
	}
	return data, true
}
