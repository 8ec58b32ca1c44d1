package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
)

// apiAttachment is a file attached to a report, without its bytes.
type apiAttachment struct {
	ID          int64   `json:"id"`
	ReportID    int64   `json:"report_id"`
	Name        string  `json:"name"`
	ContentType string  `json:"content_type"`
	Size        int     `json:"size"`
	CreatedAt   *string `json:"created_at"`
	Href        string  `json:"href"`
}

func newAPIAttachment(f congtac.Attachment) apiAttachment {
	return apiAttachment{ID: f.ID, ReportID: f.ReportID, Name: f.Name, ContentType: f.ContentType, Size: f.Size,
		CreatedAt: apiTime(f.CreatedAt), Href: fmt.Sprintf("/report-files/%d", f.ID)}
}

// attachmentSchemas returns the schema of apiAttachment, for the OpenAPI document.
func attachmentSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{"Attachment": schObject("Tệp đính kèm báo cáo tiến độ (không kèm nội dung tệp).", oaProps{
		"id": schInt("Mã."), "report_id": schInt("Báo cáo."), "name": schString("Tên tệp."),
		"content_type": schEnum("Loại tệp, đọc từ nội dung.", congtac.TypePDF, congtac.TypeDOCX, congtac.TypeXLSX,
			congtac.TypePNG, congtac.TypeJPEG),
		"size": schInt("Dung lượng (byte)."), "created_at": schNullable(schDateTime("Đính kèm lúc")),
		"href": schString("Đường dẫn tải về (trang web, cần đăng nhập)."),
	})}
}

// handleAPIReportFileList lists the files of a report.
func (s *Server) handleAPIReportFileList(w http.ResponseWriter, r *http.Request) {
	apiFileList(s, w, r, "báo cáo", s.findVisibleReport, func(ctx context.Context, rep congtac.Report) ([]congtac.Attachment, error) {
		return s.st.FindReportFiles(ctx, rep.ID)
	}, newAPIAttachment)
}

// handleAPIReportFileCreate attaches the request's body, named by ?name=, to a draft or
// returned report: PDF, DOCX, XLSX, PNG or JPEG, read from its bytes; answers 201.
func (s *Server) handleAPIReportFileCreate(w http.ResponseWriter, r *http.Request) {
	apiFileCreate(s, w, r, "báo cáo", s.findVisibleReport,
		func(ctx context.Context, a congtac.Actor, rep congtac.Report, name string, data []byte) (congtac.Attachment, error) {
			return s.st.AddReportFile(ctx, a, rep.ID, name, data)
		}, newAPIAttachment, func(f congtac.Attachment) string { return fmt.Sprintf("/api/v1/report-files/%d", f.ID) })
}

// handleAPIReportFileShow answers with a file attached to a report the actor may read,
// without its bytes; any other is 404.
func (s *Server) handleAPIReportFileShow(w http.ResponseWriter, r *http.Request) {
	if f, ok := apiRecord(s, w, r, "tệp đính kèm", s.findVisibleReportFile); ok {
		writeJSON(w, http.StatusOK, newAPIAttachment(f))
	}
}

// handleAPIReportFileContent sends a file attached to a report the actor may read, as its
// type, named; any other is 404.
func (s *Server) handleAPIReportFileContent(w http.ResponseWriter, r *http.Request) {
	apiFileContent(s, w, r, "tệp đính kèm", s.findVisibleReportFile,
		func(ctx context.Context, f congtac.Attachment) (string, string, []byte, error) {
			f, err := s.st.FindReportFile(ctx, f.ID)
			return f.ContentType, f.Name, f.Data, err
		})
}

// findVisibleReportFile returns report file id, without its bytes, when a may read its
// report; ENOTFOUND otherwise.
func (s *Server) findVisibleReportFile(ctx context.Context, a congtac.Actor, id int64) (congtac.Attachment, error) {
	f, err := s.st.FindReportFileInfo(ctx, id)
	if err == nil {
		_, err = s.findVisibleReport(ctx, a, f.ReportID)
	}
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		err = notFoundFor("tệp đính kèm")
	}
	return f, err
}
