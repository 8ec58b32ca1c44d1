package web

import "net/http"

// Handlers not written yet: each answers 501 until its file replaces the line here.

func (s *Server) handleProposalList(w http.ResponseWriter, r *http.Request)     { s.notYet(w, r) }
func (s *Server) handleProposalCreate(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProposalWithdraw(w http.ResponseWriter, r *http.Request) { s.notYet(w, r) }
func (s *Server) handleProposalAccept(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
func (s *Server) handleProposalReject(w http.ResponseWriter, r *http.Request)   { s.notYet(w, r) }
