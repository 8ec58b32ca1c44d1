package web

import (
	"context"
	"fmt"
	"mime"
	"net/http"

	"congtac"
)

// Signature and seal images through the API. An image is sent as the raw body of a PUT,
// Content-Type image/png, as the page's upload sends its file: a PNG with transparency of
// at most 1 MB and 2,000 pixels a side, judged by its bytes. Only those who manage settings
// change them; an owner outside their reach is 404.

// stampOwner returns ENOTFOUND unless the owner of a stamp exists and a's ManageSettings
// reaches it: the org of a seal, the person's org of a signature.
func (s *Server) stampOwner(ctx context.Context, a congtac.Actor, kind congtac.StampKind, id int64) error {
	reaches := func(org int64) func() (bool, error) {
		return func() (bool, error) { return s.st.Reaches(ctx, a, congtac.ManageSettings, org) }
	}
	if kind == congtac.StampSeal {
		o, err := s.st.FindOrgByID(ctx, id)
		_, err = visible(o, err, reaches(o.ID), "cơ quan, đơn vị")
		return err
	}
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{ID: &id})
	if err == nil && len(people) == 0 {
		err = notFoundFor("cán bộ")
	}
	if err != nil {
		return err
	}
	_, err = visible(people[0], nil, reaches(people[0].OrgID), "cán bộ")
	return err
}

// apiStampOwner returns the owner {id} of the request's path of a stamp of kind, or
// answers 404 and returns false as [Server.stampOwner] decides.
func (s *Server) apiStampOwner(w http.ResponseWriter, r *http.Request, kind congtac.StampKind) (int64, bool) {
	return apiRecord(s, w, r, "chủ của ảnh", func(ctx context.Context, a congtac.Actor, id int64) (int64, error) {
		return id, s.stampOwner(ctx, a, kind, id)
	})
}

// handleAPISealPut stores the seal image of org {id}; handleAPISignaturePut the signature
// image of person {id}. Both answer 204.
func (s *Server) handleAPISealPut(w http.ResponseWriter, r *http.Request) {
	s.putStamp(w, r, congtac.StampSeal)
}

func (s *Server) handleAPISignaturePut(w http.ResponseWriter, r *http.Request) {
	s.putStamp(w, r, congtac.StampSignature)
}

// handleAPISealDelete removes the seal image of org {id}; handleAPISignatureDelete the
// signature image of person {id}. Both answer 204, whether there was an image or not.
func (s *Server) handleAPISealDelete(w http.ResponseWriter, r *http.Request) {
	s.deleteStamp(w, r, congtac.StampSeal)
}

func (s *Server) handleAPISignatureDelete(w http.ResponseWriter, r *http.Request) {
	s.deleteStamp(w, r, congtac.StampSignature)
}

// putStamp stores the PNG body as the image of kind of the owner {id}: 415 unless the body
// is declared image/png, 413 over 1 MB, 422 when its bytes are not a PNG of a sensible size.
func (s *Server) putStamp(w http.ResponseWriter, r *http.Request, kind congtac.StampKind) {
	id, ok := s.apiStampOwner(w, r, kind)
	if !ok {
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "image/png" {
		s.apiFail(w, r, congtac.Errorf(congtac.EINVALID,
			"Ảnh gửi lên phải là tệp PNG (Content-Type: image/png)."), http.StatusUnsupportedMediaType)
		return
	}
	pic, ok := s.apiUploadOf(w, r, congtac.MaxStampBytes)
	if !ok {
		return
	}
	if err := s.st.SaveStamp(r.Context(), actorOf(r), congtac.Stamp{Kind: kind, OwnerID: id, PNG: pic}); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api stamp: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// deleteStamp removes the image of kind of the owner {id}.
func (s *Server) deleteStamp(w http.ResponseWriter, r *http.Request, kind congtac.StampKind) {
	id, ok := s.apiStampOwner(w, r, kind)
	if !ok {
		return
	}
	if err := s.st.DeleteStamp(r.Context(), actorOf(r), kind, id); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete stamp: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
