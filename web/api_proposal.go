package web

import (
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// apiProposal is a unit's registration of content for a coming program, with its outcome.
type apiProposal struct {
	ID          int64     `json:"id"`
	OrgID       int64     `json:"org_id"`
	CommitteeID int64     `json:"committee_id"`
	Period      apiPeriod `json:"period"`
	Deadline    string    `json:"deadline"`
	Kind        string    `json:"kind"`
	KindLabel   string    `json:"kind_label"`
	Text        string    `json:"text"`
	Sector      *string   `json:"sector"`
	LeadID      *int64    `json:"lead_id"`
	SupportIDs  []int64   `json:"support_ids"`
	DueText     string    `json:"due_text"`
	Source      string    `json:"source"`
	Status      string    `json:"status"`
	StatusLabel string    `json:"status_label"`
	Reason      string    `json:"reason"`
	ProgramID   *int64    `json:"program_id"`
	AuthorID    *int64    `json:"author_id"`
	CreatedAt   *string   `json:"created_at"`
	Version     int       `json:"version"`
}

// newAPIProposal returns the DTO of p; its deadline follows the settings st.
func newAPIProposal(p congtac.Proposal, st congtac.Settings) apiProposal {
	return apiProposal{ID: p.ID, OrgID: p.OrgID, CommitteeID: p.CommitteeID, Period: newAPIPeriod(p.Period),
		Deadline: congtac.ProposalDeadline(st, p.Period).String(), Kind: string(p.Kind), KindLabel: p.Kind.Label(),
		Text: p.Text, Sector: apiCode(p.Sector), LeadID: apiID(p.Lead), SupportIDs: append([]int64{}, p.Support...),
		DueText: p.DueText, Source: p.Source, Status: string(p.Status), StatusLabel: p.Status.Label(),
		Reason: p.Reason, ProgramID: apiID(p.ProgramID), AuthorID: apiID(p.AuthorID), CreatedAt: apiTime(p.CreatedAt),
		Version: p.Version}
}

// apiProposalCreate is the body of POST /api/v1/proposals.
type apiProposalCreate struct {
	OrgID       int64   `json:"org_id"`
	CommitteeID int64   `json:"committee_id"`
	Period      string  `json:"period"`
	Kind        string  `json:"kind"`
	Text        string  `json:"text"`
	Sector      string  `json:"sector"`
	Lead        int64   `json:"lead"`
	Support     []int64 `json:"support"`
	DueText     string  `json:"due_text"`
	Source      string  `json:"source"`
}

// apiProposalDecision is the body of POST /api/v1/proposals/{id}/decision.
type apiProposalDecision struct {
	Version      *int   `json:"version"`
	Action       string `json:"action"`
	Reason       string `json:"reason"`
	ProgramID    int64  `json:"program_id"`
	ParentItemID int64  `json:"parent_item_id"`
	MeetingID    int64  `json:"meeting_id"`
}

// proposalSchemas returns the schemas of the DTOs above, for the OpenAPI document.
func proposalSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Proposal": schObject("Nội dung một đơn vị đăng ký cho chương trình kỳ tới, và kết quả.", oaProps{
			"id": schInt("Mã."), "org_id": schInt("Đơn vị đăng ký."), "committee_id": schInt("Ủy ban có chương trình."),
			"period": schRef("Period"), "deadline": schDate("Hạn chót các đơn vị đăng ký cho kỳ này."),
			"kind":       schEnum("task: nhiệm vụ; item: nội dung chương trình; agenda: nội dung trình hội nghị.", proposalKindCodes...),
			"kind_label": schString("Tên loại."), "text": schString("Nội dung."),
			"sector":  schNullable(schEnum("Lĩnh vực.", codesOf(congtac.Sectors)...)),
			"lead_id": schNullable(schInt("Cơ quan chủ trì.")), "support_ids": schArray(schInt("Cơ quan phối hợp.")),
			"due_text": schString("Thời hạn như đơn vị ghi."), "source": schString("Căn cứ."),
			"status": schEnum("Trạng thái.", proposalStatusCodes...), "status_label": schString("Tên trạng thái."),
			"reason":     schString("Lý do không đưa vào chương trình."),
			"program_id": schNullable(schInt("Dự thảo chương trình đã nhận nội dung.")),
			"author_id":  schNullable(schInt("Tài khoản đăng ký.")), "created_at": schNullable(schDateTime("Đăng ký lúc")),
			"version": schInt("Phiên bản."),
		}),
		"ProposalCreate": schInput("Nội dung đăng ký cho chương trình của một kỳ, trước hạn chót (Văn phòng: bất cứ lúc nào).",
			[]string{"period", "kind", "text"}, oaProps{
				"org_id":       schInt("Đơn vị đăng ký; mặc định đơn vị của tài khoản."),
				"committee_id": schInt("Ủy ban có chương trình; mặc định Ủy ban gần nhất trên đơn vị."),
				"period":       schPattern(schString("Kỳ của chương trình: 2023-05, 2023-Q2, 2023."), periodPattern),
				"kind":         schEnum("Loại nội dung.", proposalKindCodes...), "text": schMax(schString("Nội dung."), congtac.MaxTaskText),
				"sector":   schEnum("Lĩnh vực; bỏ trống: không ghi.", append([]string{""}, codesOf(congtac.Sectors)...)...),
				"lead":     schInt("Cơ quan chủ trì (nhiệm vụ, nội dung trình hội nghị); mặc định đơn vị đăng ký."),
				"support":  schArray(schInt("Cơ quan phối hợp.")),
				"due_text": schMax(schString("Thời hạn như thường viết: chậm nhất trong tháng 6/2023."), congtac.MaxPhrase),
				"source":   schMax(schString("Căn cứ."), congtac.MaxSourceText),
			}),
		"ProposalDecision": schInput("Quyết định về nội dung đăng ký: Văn phòng nhận (vào dự thảo, dưới một mục; "+
			"nội dung trình hội nghị: vào một hội nghị) hoặc không nhận kèm lý do; đơn vị rút lại.",
			[]string{"version", "action"}, oaProps{
				"version":        schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"action":         schEnum("accept: nhận; reject: không nhận; withdraw: rút lại.", "accept", "reject", "withdraw"),
				"reason":         schString("Lý do, bắt buộc khi không nhận."),
				"program_id":     schInt("Dự thảo chương trình nhận nội dung (nhiệm vụ, nội dung chương trình)."),
				"parent_item_id": schInt("Mục sẽ chứa nội dung, như mục của lĩnh vực; 0: cấp cao nhất."),
				"meeting_id":     schInt("Hội nghị nhận nội dung trình (nội dung trình hội nghị)."),
			}),
	}
}

// handleAPIProposalList lists, newest first, the proposals the actor sees (the office: of
// the units its DraftPrograms reaches; a unit: its own), filtered by period, status, kind,
// proposing org and committee.
func (s *Server) handleAPIProposalList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.ProposalFilter{Period: q.period("period"), OrgID: q.id("org"), CommitteeID: q.id("committee"),
		Reach: proposalReach(actorOf(r))}
	if v := q.text("status"); v != "" {
		f.Status = ptr(congtac.ProposalStatus(v))
	}
	kind := congtac.ProposalKind(q.text("kind"))
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	ctx := r.Context()
	all, err := s.st.FindProposals(ctx, f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api proposals: %w", err), 0)
		return
	}
	var kept []congtac.Proposal
	for _, p := range all {
		if kind == "" || p.Kind == kind {
			kept = append(kept, p)
		}
	}
	settings := map[int64]congtac.Settings{} // by committee
	for _, p := range kept {
		if _, ok := settings[p.CommitteeID]; ok {
			continue
		}
		if settings[p.CommitteeID], err = s.settingsOf(ctx, p.CommitteeID); err != nil {
			s.apiFail(w, r, fmt.Errorf("web: api proposals: %w", err), 0)
			return
		}
	}
	writeJSON(w, http.StatusOK, pageOf(kept, limit, offset, func(p congtac.Proposal) apiProposal {
		return newAPIProposal(p, settings[p.CommitteeID])
	}))
}

// handleAPIProposalCreate records a proposal and answers 201 with it. Left out, org_id is
// the actor's org, committee_id the nearest committee above it and lead (for a task or an
// agenda matter) the proposing org. An org the actor may not report for is 403; past the
// period's deadline a unit gets 422, the office may still add.
func (s *Server) handleAPIProposalCreate(w http.ResponseWriter, r *http.Request) {
	var body apiProposalCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	period, err := congtac.ParsePeriodKey(body.Period)
	if err != nil {
		s.apiFail(w, r, congtac.FieldError("period", "Kỳ %q không đúng dạng: 2023-05, 2023-Q2, 2023.", body.Period), 0)
		return
	}
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create proposal: %w", err), 0)
		return
	}
	p, err := completeProposal(a, orgs, congtac.Proposal{OrgID: body.OrgID, CommitteeID: body.CommitteeID,
		Period: period, Kind: congtac.ProposalKind(body.Kind), Text: body.Text, Sector: congtac.Sector(body.Sector),
		Lead: body.Lead, Support: body.Support, DueText: body.DueText, Source: body.Source})
	if err == nil {
		p, err = s.st.CreateProposal(ctx, a, p)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create proposal: %w", err), 0)
		return
	}
	s.writeProposal(w, r, p, http.StatusCreated)
}

// writeProposal answers with proposal p.
func (s *Server) writeProposal(w http.ResponseWriter, r *http.Request, p congtac.Proposal, status int) {
	st, err := s.settingsOf(r.Context(), p.CommitteeID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api proposal: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/proposals/"+strconv.FormatInt(p.ID, 10))
	writeJSON(w, status, newAPIProposal(p, st))
}

// handleAPIProposalShow answers with a proposal the actor sees (see [proposalReach]); any
// other is 404.
func (s *Server) handleAPIProposalShow(w http.ResponseWriter, r *http.Request) {
	if p, ok := apiRecord(s, w, r, "nội dung đăng ký", s.findVisibleProposal); ok {
		s.writeProposal(w, r, p, http.StatusOK)
	}
}

// handleAPIProposalDecide takes a decision on an open proposal the actor sees (else 404),
// given the version read: accept into program_id under parent_item_id (an agenda matter:
// onto meeting_id) or reject with a reason (the committee's office; others 403), or
// withdraw (the proposing unit). A proposal already decided is 422.
func (s *Server) handleAPIProposalDecide(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "nội dung đăng ký")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	p, err := s.findVisibleProposal(ctx, a, id)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	var body apiProposalDecision
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	p, err = s.decideProposal(ctx, a, p, proposalDecision{Action: body.Action, Version: version, Reason: body.Reason,
		Target: congtac.ProposalTarget{ProgramID: body.ProgramID, ParentItemID: body.ParentItemID, MeetingID: body.MeetingID}})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api decide proposal: %w", err), 0)
		return
	}
	s.writeProposal(w, r, p, http.StatusOK)
}
