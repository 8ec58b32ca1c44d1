package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleProgramNew(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleProgramCreate(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProgramEdit(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleProgramUpdate(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProgramDelete(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleItemCreate(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleItemUpdate(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleItemMove(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleItemDelete(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleTaskCreate(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleTaskUpdate(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleTaskDelete(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleProgramSubmit(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProgramRecall(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProgramReturn(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProgramApprove(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleCommentResolve(w http.ResponseWriter, r *http.Request)  { s.notYet(w, r) }
func (s *Server) handleProgramIssue(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleProgramAmend(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleProgramVersions(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
