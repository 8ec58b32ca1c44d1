package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleAPIOpenAPI(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAPIMe(w http.ResponseWriter, r *http.Request)           { s.notYet(w, r) }
func (s *Server) handleAPIOrgList(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAPIPersonList(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleAPIProgramList(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleAPIProgramShow(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleAPITaskList(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPITaskShow(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAPIReportList(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleAPIReportCreate(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIReportShow(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleAPIReportUpdate(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIReportSubmit(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIReportReview(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIMeetingList(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleAPIMeetingShow(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleAPICalendarShow(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPIDocumentList(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleAPIAuditList(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAPITokenList(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAPITokenCreate(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleAPITokenRevoke(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
