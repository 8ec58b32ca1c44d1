package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleProgramList(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleProgramShow(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleTaskList(w http.ResponseWriter, r *http.Request)           { s.notYet(w, r) }
func (s *Server) handleTaskShow(w http.ResponseWriter, r *http.Request)           { s.notYet(w, r) }
func (s *Server) handleReportCreate(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleMeetingList(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleMeetingShow(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleCalendarShow(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleReportList(w http.ResponseWriter, r *http.Request)         { s.notYet(w, r) }
func (s *Server) handleReportShow(w http.ResponseWriter, r *http.Request)         { s.notYet(w, r) }
func (s *Server) handleReportUpdate(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleReportSubmit(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleReportReview(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleSearchShow(w http.ResponseWriter, r *http.Request)         { s.notYet(w, r) }
func (s *Server) handleCatalogShow(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handlePublicIndex(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handlePublicProgramShow(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handlePublicCalendarShow(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
