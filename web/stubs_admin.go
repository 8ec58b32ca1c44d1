package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleAccountShow(w http.ResponseWriter, r *http.Request)           { s.notYet(w, r) }
func (s *Server) handleAccountPasswordUpdate(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleAccountTOTPShow(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleAccountTOTPImage(w http.ResponseWriter, r *http.Request)      { s.notYet(w, r) }
func (s *Server) handleAccountTOTPEnable(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAccountTOTPDisable(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAccountSessionEnd(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleAccountTokenCreate(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAccountTokenRevoke(w http.ResponseWriter, r *http.Request)    { s.notYet(w, r) }
func (s *Server) handleAdminShow(w http.ResponseWriter, r *http.Request)             { s.notYet(w, r) }
func (s *Server) handleOrgList(w http.ResponseWriter, r *http.Request)               { s.notYet(w, r) }
func (s *Server) handleOrgCreate(w http.ResponseWriter, r *http.Request)             { s.notYet(w, r) }
func (s *Server) handleOrgUpdate(w http.ResponseWriter, r *http.Request)             { s.notYet(w, r) }
func (s *Server) handleOrgMerge(w http.ResponseWriter, r *http.Request)              { s.notYet(w, r) }
func (s *Server) handlePersonList(w http.ResponseWriter, r *http.Request)            { s.notYet(w, r) }
func (s *Server) handlePersonCreate(w http.ResponseWriter, r *http.Request)          { s.notYet(w, r) }
func (s *Server) handlePersonUpdate(w http.ResponseWriter, r *http.Request)          { s.notYet(w, r) }
func (s *Server) handlePostCreate(w http.ResponseWriter, r *http.Request)            { s.notYet(w, r) }
func (s *Server) handlePostEnd(w http.ResponseWriter, r *http.Request)               { s.notYet(w, r) }
func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request)              { s.notYet(w, r) }
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request)            { s.notYet(w, r) }
func (s *Server) handleUserUpdate(w http.ResponseWriter, r *http.Request)            { s.notYet(w, r) }
func (s *Server) handleUserPasswordReset(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleUserSessionsEnd(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handlePermissionsShow(w http.ResponseWriter, r *http.Request)       { s.notYet(w, r) }
func (s *Server) handleSettingsShow(w http.ResponseWriter, r *http.Request)          { s.notYet(w, r) }
func (s *Server) handleSettingsUpdate(w http.ResponseWriter, r *http.Request)        { s.notYet(w, r) }
func (s *Server) handleAuditList(w http.ResponseWriter, r *http.Request)             { s.notYet(w, r) }
func (s *Server) handleAuditExport(w http.ResponseWriter, r *http.Request)           { s.notYet(w, r) }
