package web

import (
	"bytes"
	"encoding/json"
	"strconv"

	"congtac"
)

// auditActions are the Vietnamese names of the actions the audit log records; an action
// not listed shows as recorded.
var auditActions = map[string]string{
	"create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "submit": "Trình, gửi", "approve": "Duyệt",
	"return": "Trả lại", "issue": "Ban hành", "amend": "Sửa đổi, bổ sung", "carry_over": "Chuyển tiếp",
	"complete": "Ghi nhận hoàn thành", "defer": "Giãn tiến độ", "cancel": "Hủy", "postpone": "Tạm hoãn",
	"accept": "Tiếp nhận", "publish": "Công bố", "generate": "Tạo từ hội nghị", "merge": "Sáp nhập",
	"end": "Kết thúc", "revoke": "Thu hồi", "bulk_load": "Nạp dữ liệu hàng loạt",
	"import": "Nhập từ văn bản có sẵn", "sign_in": "Đăng nhập", "sign_in_failed": "Đăng nhập không thành công",
	"sign_in_throttled": "Bị chặn vì thử đăng nhập quá nhiều", "sign_out": "Đăng xuất",
	"deny": "Bị từ chối truy cập", "set_password": "Đặt mật khẩu",
	"set_password_failed": "Đổi mật khẩu không thành công",
	"password_throttled":  "Bị chặn vì nhập mật khẩu quá nhiều", "set_totp": "Bật, tắt xác thực hai lớp",
	"set_totp_failed": "Tắt xác thực hai lớp không thành công", "end_session": "Kết thúc một phiên đăng nhập",
	"end_sessions": "Kết thúc các phiên đăng nhập",
}

// auditEntities are the kinds of record the audit log names, in the order the filter
// offers them, with their Vietnamese names.
var auditEntities = []struct{ key, label string }{
	{"program", "Chương trình"}, {"item", "Mục chương trình"}, {"task", "Nhiệm vụ"},
	{"report", "Báo cáo tiến độ"}, {"meeting", "Hội nghị"}, {"agenda_item", "Nội dung trình hội nghị"},
	{"calendar", "Lịch công tác tuần"}, {"engagement", "Mục lịch công tác"}, {"document", "Văn bản"},
	{"org", "Cơ quan, đơn vị"}, {"person", "Cán bộ"}, {"post", "Chức vụ"}, {"user", "Tài khoản"},
	{"api_token", "Mã truy cập API"}, {"settings", "Cấu hình"}, {"request", "Yêu cầu"},
	{"database", "Cơ sở dữ liệu"},
}

// auditActionLabel returns the Vietnamese name of an action, or the action itself.
func auditActionLabel(action string) string {
	if label, ok := auditActions[action]; ok {
		return label
	}
	return action
}

// auditEntityLabel returns the Vietnamese name of a kind of record, or the kind itself.
func auditEntityLabel(entity string) string {
	for _, e := range auditEntities {
		if e.key == entity {
			return e.label
		}
	}
	return entity
}

// auditRecord names the record of an event: "Nhiệm vụ số 42", or the kind alone when the
// event names no single record.
func auditRecord(e congtac.AuditEvent) string {
	if e.EntityID == 0 {
		return auditEntityLabel(e.Entity)
	}
	return auditEntityLabel(e.Entity) + " số " + strconv.FormatInt(e.EntityID, 10)
}

// auditWho names who acted: the account's name and login, the system, or an anonymous
// visitor (a failed sign-in).
func auditWho(e congtac.AuditEvent, users map[int64]congtac.User) (name, login string) {
	switch u, ok := users[e.UserID]; {
	case ok:
		return u.DisplayName, u.Login
	case e.UserID != 0:
		return "Tài khoản số " + strconv.FormatInt(e.UserID, 10), ""
	case e.Address != "":
		return "Khách (chưa đăng nhập)", ""
	}
	return "Hệ thống", ""
}

// prettyJSON indents a recorded before or after for reading; text that is not JSON is
// returned as it is.
func prettyJSON(s string) string {
	var buf bytes.Buffer
	if s == "" || json.Indent(&buf, []byte(s), "", "  ") != nil {
		return s
	}
	return buf.String()
}
