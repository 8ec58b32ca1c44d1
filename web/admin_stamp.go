package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"

	"congtac"
)

// stampsPage is the data of admin_stamps.html: who signs and which bodies seal, with their
// images.
type stampsPage struct {
	layout
	Signers []stampRow
	Seals   []stampRow
	Error   string
}

func (stampsPage) template() string { return "admin_stamps" }

// stampRow is one owner of a stamp image.
type stampRow struct {
	Kind    congtac.StampKind
	OwnerID int64
	Name    string
	Title   string // the post, for a signer
	Has     bool
}

// signerPosts are the posts whose holders sign documents.
var signerPosts = []congtac.PostKind{congtac.PostChairman, congtac.PostViceChairman,
	congtac.PostOfficeHead, congtac.PostDeputyOfficeHead}

// handleStampList shows the signers and committees with their signature and seal images
// and a form to upload each.
func (s *Server) handleStampList(w http.ResponseWriter, r *http.Request) {
	page, err := s.stampsPage(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

func (s *Server) stampsPage(r *http.Request) (stampsPage, error) {
	ctx := r.Context()
	page := stampsPage{layout: s.layout(r, "Chữ ký và con dấu")}
	today := s.today()
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{Kinds: signerPosts, HeldOn: &today})
	if err != nil {
		return page, err
	}
	x, err := s.loadOrgs(ctx)
	if err != nil {
		return page, err
	}
	for _, p := range posts {
		people, err := s.st.FindPeople(ctx, congtac.PersonFilter{ID: &p.PersonID})
		if err != nil || len(people) == 0 {
			return page, err
		}
		row := stampRow{Kind: congtac.StampSignature, OwnerID: p.PersonID, Name: people[0].FullName,
			Title: p.DisplayTitle() + ", " + x.Name(p.OrgID)}
		page.Signers = append(page.Signers, s.withStamp(r, row))
	}
	for _, n := range x.Tree(today, func(o congtac.Org) bool {
		return o.Kind == congtac.OrgCommittee || o.Kind == congtac.OrgCommune
	}) {
		page.Seals = append(page.Seals, s.withStamp(r, stampRow{Kind: congtac.StampSeal, OwnerID: n.Org.ID, Name: n.Org.Name}))
	}
	return page, nil
}

// withStamp marks whether row's image exists.
func (s *Server) withStamp(r *http.Request, row stampRow) stampRow {
	_, err := s.st.FindStamp(r.Context(), row.Kind, row.OwnerID)
	row.Has = err == nil
	return row
}

// handleStampUpload stores an uploaded PNG (multipart fields kind, owner_id and file). A
// file that is not a PNG of at most 1 MB and 2,000 pixels a side is refused with 422.
func (s *Server) handleStampUpload(w http.ResponseWriter, r *http.Request) {
	st, err := stampFromForm(r)
	if err == nil {
		err = s.st.SaveStamp(r.Context(), actorOf(r), st)
	}
	if congtac.ErrorCode(err) == congtac.EINVALID {
		page, perr := s.stampsPage(r)
		if perr != nil {
			s.fail(w, r, perr)
			return
		}
		page.Error = congtac.ErrorMessage(err)
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã lưu ảnh.")
	http.Redirect(w, r, "/admin/stamps", http.StatusSeeOther)
}

// stampFromForm reads the upload. The file's bytes decide its type, never its name.
func stampFromForm(r *http.Request) (congtac.Stamp, error) {
	if err := r.ParseMultipartForm(maxUpload); err != nil {
		return congtac.Stamp{}, congtac.FieldError("file", "Không đọc được tệp tải lên (tối đa 1 MB, dạng PNG).")
	}
	owner, _ := strconv.ParseInt(r.FormValue("owner_id"), 10, 64)
	st := congtac.Stamp{Kind: congtac.StampKind(r.FormValue("kind")), OwnerID: owner}
	f, _, err := r.FormFile("file")
	if err != nil {
		return st, congtac.FieldError("file", "Chưa chọn tệp ảnh.")
	}
	defer f.Close()
	st.PNG, err = io.ReadAll(io.LimitReader(f, congtac.MaxStampBytes+1))
	if err != nil {
		return st, fmt.Errorf("web: read upload: %w", err)
	}
	return st, nil
}

// handleStampDelete removes an image (fields kind and owner_id).
func (s *Server) handleStampDelete(w http.ResponseWriter, r *http.Request) {
	owner, _ := strconv.ParseInt(r.PostFormValue("owner_id"), 10, 64)
	if err := s.st.DeleteStamp(r.Context(), actorOf(r), congtac.StampKind(r.PostFormValue("kind")), owner); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã xóa ảnh.")
	http.Redirect(w, r, "/admin/stamps", http.StatusSeeOther)
}

// handleStampImage serves a stored image for the administration page.
func (s *Server) handleStampImage(w http.ResponseWriter, r *http.Request) {
	owner, ok := pathID(r, "owner")
	if !ok {
		s.fail(w, r, notFoundFor("ảnh"))
		return
	}
	st, err := s.st.FindStamp(r.Context(), congtac.StampKind(r.PathValue("kind")), owner)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(st.PNG)
}
