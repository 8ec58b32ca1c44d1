package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleProposalList(w http.ResponseWriter, r *http.Request)         { s.notYet(w, r) }
func (s *Server) handleProposalCreate(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleProposalWithdraw(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleProposalAccept(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleProposalReject(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleAPIProgramCreate(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIProgramUpdate(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIProgramDelete(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIProgramTransition(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIProgramIssue(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAPIProgramAmend(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAPIProgramVersions(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleAPICommentCreate(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIItemCreate(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPIItemUpdate(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPIItemDelete(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPITaskCreate(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPITaskUpdate(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPITaskDelete(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAPIDeadlineParse(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIProposalList(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAPIProposalCreate(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAPIProposalDecide(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
