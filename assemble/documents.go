package assemble

import (
	"context"

	"congtac"
	"congtac/export"
)

// Program returns a work program as a document: an issued program exactly as it was
// issued (its snapshot, see [FindFrozenProgram]), any other as it is now, as a draft.
func (s *Source) Program(ctx context.Context, id int64) (export.ProgramDoc, error) {
	fz, err := FindFrozenProgram(ctx, s.st, id)
	if congtac.ErrorCode(err) != congtac.ENOTFOUND {
		return fz.Doc, err
	}
	p, err := s.st.FindProgramByID(ctx, id)
	if err != nil {
		return export.ProgramDoc{}, err
	}
	return s.program(ctx, p, p.Status.Published())
}

// program returns program p as a document from the store as it is now; issued says
// whether to print it as issued (number, date, images) or as a draft.
func (s *Source) program(ctx context.Context, p congtac.Program, issued bool) (export.ProgramDoc, error) {
	meetings, err := s.st.FindMeetings(ctx, congtac.MeetingFilter{ProgramID: &p.ID})
	if err != nil {
		return export.ProgramDoc{}, err
	}
	if p.Symbol == "" {
		p.Symbol = s.symbol(congtac.DocProgram, p.OrgID)
	}
	opts, err := s.options(ctx, issued, p.Signature.PersonID, p.OrgID)
	if err != nil {
		return export.ProgramDoc{}, err
	}
	st, err := s.settingsOf(ctx, p.OrgID)
	if err != nil {
		return export.ProgramDoc{}, err
	}
	people, err := s.namesWithChairs(ctx, meetings...)
	if err != nil {
		return export.ProgramDoc{}, err
	}
	return export.ProgramDoc{Settings: st, Program: p, Orgs: s.names, People: people, Meetings: meetings,
		Draft: !issued, Options: opts}, nil
}

// Invitation returns a meeting's invitation (Giấy mời): the registered document when there
// is one (as it was issued, from its snapshot, when it has one), else a draft signed as the
// meeting's program is.
func (s *Source) Invitation(ctx context.Context, meetingID int64) (export.InvitationDoc, error) {
	m, doc, found, err := s.meetingDocument(ctx, meetingID, congtac.DocInvitation, []string{"Như thành phần mời;"})
	if err != nil {
		return export.InvitationDoc{}, err
	}
	if f, ok, err := s.frozenIf(ctx, found, doc.ID, congtac.DocInvitation); err != nil || ok {
		return deref(f.Invitation), err
	}
	opts, err := s.options(ctx, found, doc.Signature.PersonID, m.OrgID)
	if err != nil {
		return export.InvitationDoc{}, err
	}
	people, err := s.namesWithChairs(ctx, m)
	if err != nil {
		return export.InvitationDoc{}, err
	}
	chair, err := s.chairNamed(ctx, m)
	if err != nil {
		return export.InvitationDoc{}, err
	}
	st, err := s.settingsOf(ctx, m.OrgID)
	return export.InvitationDoc{Settings: st, Meeting: m, Document: doc, Orgs: s.names, People: people, Chair: chair,
		Draft: !found, Options: opts}, err
}

// Conclusion returns the notice of a meeting's conclusions (Thông báo kết luận), like
// [Source.Invitation].
func (s *Source) Conclusion(ctx context.Context, meetingID int64) (export.ConclusionDoc, error) {
	m, doc, found, err := s.meetingDocument(ctx, meetingID, congtac.DocNotice, nil)
	if err != nil {
		return export.ConclusionDoc{}, err
	}
	if f, ok, err := s.frozenIf(ctx, found, doc.ID, congtac.DocNotice); err != nil || ok {
		return deref(f.Conclusion), err
	}
	opts, err := s.options(ctx, found, doc.Signature.PersonID, m.OrgID)
	if err != nil {
		return export.ConclusionDoc{}, err
	}
	people, err := s.namesWithChairs(ctx, m)
	if err != nil {
		return export.ConclusionDoc{}, err
	}
	tasks, err := s.st.FindConclusionTasks(ctx, m.ID)
	if err != nil {
		return export.ConclusionDoc{}, err
	}
	st, err := s.settingsOf(ctx, m.OrgID)
	return export.ConclusionDoc{Settings: st, Meeting: m, Document: doc, Tasks: tasks, Orgs: s.names, People: people,
		Draft: !found, Options: opts}, err
}

// meetingDocument returns a meeting and its registered document of type t, or a draft one
// (found false) with the given recipients.
func (s *Source) meetingDocument(ctx context.Context, id int64, t congtac.DocType, recipients []string) (congtac.Meeting, congtac.Document, bool, error) {
	m, err := s.st.FindMeetingByID(ctx, id)
	if err != nil {
		return m, congtac.Document{}, false, err
	}
	docs, _, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{MeetingID: &id, Type: &t, Limit: 1})
	if err != nil || len(docs) > 0 {
		return m, first(docs), len(docs) > 0, err
	}
	doc, err := s.draftDocument(ctx, t, m.OrgID, m.ProgramID, recipients)
	return m, doc, false, err
}

func first(docs []congtac.Document) congtac.Document {
	if len(docs) == 0 {
		return congtac.Document{}
	}
	return docs[0]
}

// draftDocument returns the register data of a document not yet issued: its symbol, the
// place of its committee, and the signature and recipients of the program it belongs to, if
// any, else the committee's usual signer.
func (s *Source) draftDocument(ctx context.Context, t congtac.DocType, org, program int64, recipients []string) (congtac.Document, error) {
	st, err := s.settingsOf(ctx, org)
	if err != nil {
		return congtac.Document{}, err
	}
	doc := congtac.Document{OrgID: org, Type: t, Symbol: s.symbol(t, org), Place: st.Place, Signature: st.Signature}
	if program != 0 {
		p, err := s.st.FindProgramByID(ctx, program)
		if err != nil {
			return doc, err
		}
		doc.Signature, doc.Recipients = p.Signature, p.Recipients
	}
	if recipients != nil {
		doc.Recipients = append(recipients, "Lưu: VT.")
	}
	return doc, nil
}

// ResultReport returns the report on a program's execution as of a day (Báo cáo kết quả
// thực hiện chương trình), with the reports its orgs sent on its tasks. Once the report is
// issued it is the issued one, from its snapshot when it has one, whatever asOf says.
func (s *Source) ResultReport(ctx context.Context, programID int64, asOf congtac.Date) (export.ResultReportDoc, error) {
	p, err := s.st.FindProgramByID(ctx, programID)
	if err != nil {
		return export.ResultReportDoc{}, err
	}
	t := congtac.DocReport
	docs, _, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{ProgramID: &programID, Type: &t, Limit: 1})
	if err != nil {
		return export.ResultReportDoc{}, err
	}
	if f, ok, err := s.frozenIf(ctx, len(docs) > 0, first(docs).ID, t); err != nil || ok {
		return deref(f.Report), err
	}
	return s.resultReport(ctx, p, docs, asOf)
}

// resultReport returns the report on program p as of asOf, as registered in docs (its one
// registered report, if any) or as a draft.
func (s *Source) resultReport(ctx context.Context, p congtac.Program, docs []congtac.Document, asOf congtac.Date) (export.ResultReportDoc, error) {
	programID := p.ID
	var reports []congtac.Report
	for f := (congtac.ReportFilter{ProgramID: &programID, Limit: 1000}); ; f.Offset += f.Limit {
		rs, total, err := s.st.FindReports(ctx, f)
		if err != nil {
			return export.ResultReportDoc{}, err
		}
		if reports = append(reports, rs...); len(rs) == 0 || len(reports) >= total {
			break
		}
	}
	t := congtac.DocReport
	doc, found := first(docs), len(docs) > 0
	if !found {
		doc = congtac.Document{OrgID: p.OrgID, Type: t, Symbol: s.symbol(t, p.OrgID), Place: p.Place,
			Signature: p.Signature, Recipients: p.Recipients}
	}
	opts, err := s.options(ctx, found, doc.Signature.PersonID, p.OrgID)
	if err != nil {
		return export.ResultReportDoc{}, err
	}
	st, err := s.settingsOf(ctx, p.OrgID)
	return export.ResultReportDoc{Settings: st, Program: p, Reports: reports, AsOf: asOf, Document: doc,
		Orgs: s.names, People: s.people, Draft: !found, Options: opts}, err
}

// Register returns the outgoing register of an org for a year, under the masthead of its
// committee; org 0 means the committee at the root of the org tree, the installation's own
// (EINVALID when there are several roots with a committee).
func (s *Source) Register(ctx context.Context, org int64, year int) (export.RegisterDoc, error) {
	if org == 0 {
		var committees []int64
		for id, o := range s.orgs {
			if o.Kind == congtac.OrgCommittee && o.ParentID == 0 {
				committees = append(committees, id)
			}
		}
		if len(committees) != 1 {
			return export.RegisterDoc{}, congtac.Errorf(congtac.EINVALID, "Có %d Ủy ban nhân dân cấp cao nhất; hãy chọn cơ quan ban hành.", len(committees))
		}
		org = committees[0]
	} else if _, ok := s.orgs[org]; !ok {
		return export.RegisterDoc{}, congtac.Errorf(congtac.ENOTFOUND, "Không có cơ quan số %d.", org)
	}
	var docs []congtac.Document
	for f := (congtac.DocumentFilter{OrgID: &org, Year: &year, Limit: 1000}); ; f.Offset += f.Limit {
		page, total, err := s.st.FindDocuments(ctx, f)
		if err != nil {
			return export.RegisterDoc{}, err
		}
		if docs = append(docs, page...); len(page) == 0 || len(docs) >= total {
			break
		}
	}
	st, err := s.settingsOf(ctx, org)
	return export.RegisterDoc{Settings: st, Year: year, Documents: docs}, err
}

// Tasks returns a program's tasks as a table, statuses as of a day.
func (s *Source) Tasks(ctx context.Context, programID int64, asOf congtac.Date) (export.TaskTable, error) {
	p, err := s.st.FindProgramByID(ctx, programID)
	if err != nil {
		return export.TaskTable{}, err
	}
	return export.TaskTable{Title: "Nhiệm vụ - Chương trình " + p.Title, Tasks: p.Tasks, Items: p.Items,
		Orgs: s.names, People: s.people, AsOf: asOf, Period: p.Period}, nil
}
