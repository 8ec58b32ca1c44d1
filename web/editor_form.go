package web

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// programForm is the form of a program's general information in the editor: summary,
// further periods, place, public flag, recipients, signer and authority lines.
type programForm struct {
	Action              string
	Version             int
	Title, Also, Place  string
	Public              bool
	Recipients          string   // one a line, without the "- " of the document
	RecipientOrgs       []string // orgs picked, added as lines before "Lưu: …"
	Signer              string   // the post of the signer chosen; "" when typed
	SignTitle, SignName string
	Lines               []signLineForm
	Errors              map[string]string
	General             []string
	RecipientOptions    template.HTML
	SignerOptions       template.HTML
}

// GeneralFields returns the fields of the summary, further periods and place, as typed,
// with their messages.
func (f *programForm) GeneralFields() []field {
	e := f.Errors
	return []field{
		newField(e, field{ID: "p-title", Name: "title", Label: "Trích yếu (dòng dưới chữ CHƯƠNG TRÌNH)", MaxLength: 500,
			Value: f.Title, Required: true}),
		newField(e, field{ID: "p-also", Name: "also", Label: "Kỳ bổ sung (ví dụ “quý IV năm 2026”; để trống nếu không có)",
			Value: f.Also}),
		newField(e, field{ID: "p-place", Name: "place", Label: "Địa danh ghi ở dòng ngày tháng", MaxLength: 100,
			Value: f.Place}),
	}
}

// RecipientFields returns the fields of "Nơi nhận": the lines typed and the orgs picked.
func (f *programForm) RecipientFields() []field {
	e := f.Errors
	return []field{
		newField(e, field{Kind: fieldTextarea, ID: "p-recipients", Name: "recipients", Rows: 7, Value: f.Recipients,
			Label: "Mỗi dòng một nơi nhận; dòng “Lưu: VT, …” luôn được đặt cuối cùng"}),
		newField(e, field{Kind: fieldSelect, ID: "p-recipient-orgs", Name: "recipient_orgs", Multiple: true, Size: 6,
			Class: "org-picker", OrgPicker: true, OptionsHTML: f.RecipientOptions,
			Label: "Thêm cơ quan, đơn vị nhận"}),
	}
}

// SignError returns the message on the authority lines and the signer, for their
// fieldset.
func (f *programForm) SignError() field {
	return newField(f.Errors, field{ID: "p-sign", Name: "sign"})
}

// signLineForm is one authority line of the signature block: "TL." + "CHỦ TỊCH".
type signLineForm struct {
	N             int // 1, 2, 3: names the fields sign_auth_N and sign_of_N
	Authority, Of string
	AuthorityOpts template.HTML
}

// maxSignLines is how many authority lines a signature block stacks at most.
const maxSignLines = 3

// programFields are the fields of [programForm] that show their own messages.
var programFields = []string{"title", "also", "place", "recipients", "sign"}

// readProgramForm returns the program form as the request posted it.
func readProgramForm(r *http.Request, action string) *programForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := &programForm{Action: action, Title: get("title"), Also: get("also"), Place: get("place"),
		Public: r.PostFormValue("public") == "1", Recipients: r.PostFormValue("recipients"),
		RecipientOrgs: r.PostForm["recipient_orgs"], Signer: get("signer"), SignTitle: get("sign_title"),
		SignName: get("sign_name"), Errors: map[string]string{}}
	f.Version, _ = strconv.Atoi(get("version"))
	for n := 1; n <= maxSignLines; n++ {
		f.Lines = append(f.Lines, signLineForm{N: n, Authority: get(fmt.Sprintf("sign_auth_%d", n)), Of: get(fmt.Sprintf("sign_of_%d", n))})
	}
	return f
}

// programFormOf returns the form of saved program p, whose signer is chosen among posts
// when one matches.
func programFormOf(p congtac.Program, posts map[string]signerPost) *programForm {
	f := &programForm{Action: fmt.Sprintf("/programs/%d", p.ID), Version: p.Version, Title: p.Title, Place: p.Place,
		Public: p.Public, Recipients: strings.Join(p.Recipients, "\n"), Errors: map[string]string{}}
	var also []string
	for _, a := range p.Also {
		also = append(also, a.String())
	}
	f.Also = strings.Join(also, " và ")
	f.SignTitle, f.SignName = p.Signature.Title, p.Signature.Name
	for v, po := range posts {
		if po.personID == p.Signature.PersonID && po.title == p.Signature.Title && po.name == p.Signature.Name {
			f.Signer, f.SignTitle, f.SignName = v, "", ""
		}
	}
	for n := 1; n <= maxSignLines; n++ {
		l := signLineForm{N: n}
		if n <= len(p.Signature.Lines) {
			l.Authority, l.Of = string(p.Signature.Lines[n-1].Authority), p.Signature.Lines[n-1].Of
		}
		f.Lines = append(f.Lines, l)
	}
	return f
}

// fill sets the options of the form's selects from c.
func (f *programForm) fill(c editorChoices) {
	f.RecipientOptions, f.SignerOptions = c.orgs.html(f.RecipientOrgs...), c.signers.html(f.Signer)
	for i := range f.Lines {
		f.Lines[i].AuthorityOpts = c.authorities.html(f.Lines[i].Authority)
	}
}

// setErrors places the messages of err by the form's fields, the others as general ones.
func (f *programForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, programFields)
}

// update returns the changes the form makes, with the org names for the recipients picked
// and the signers' posts of c.
func (f *programForm) update(c editorChoices) (congtac.ProgramUpdate, error) {
	var pr congtac.Problems
	var also []congtac.Period
	if f.Also != "" {
		first, rest, err := vn.ParsePeriod(f.Also)
		if err != nil {
			pr.Add("also", "%s", congtac.ErrorMessage(err))
		} else {
			also = append([]congtac.Period{first}, rest...)
		}
	}
	if len([]rune(f.Place)) > 100 {
		pr.Add("place", "Địa danh dài quá 100 ký tự.")
	}
	recipients := recipientLines(f.Recipients, c.orgs, f.RecipientOrgs)
	for _, line := range recipients {
		if len([]rune(line)) > 300 {
			pr.Add("recipients", "Mỗi dòng nơi nhận không quá 300 ký tự.")
			break
		}
	}
	sig := congtac.Signature{Title: f.SignTitle, Name: f.SignName}
	if po, ok := c.signPosts[f.Signer]; ok {
		sig = congtac.Signature{Title: po.title, Name: po.name, PersonID: po.personID}
	} else if f.Signer != "" {
		pr.Add("sign", "Người ký đã chọn không còn giữ chức vụ; hãy chọn lại.")
	}
	for _, l := range f.Lines {
		switch {
		case l.Authority == "" && l.Of == "":
		case l.Authority == "" || l.Of == "" || !containsOption(authorityOptions, l.Authority):
			pr.Add("sign", "Dòng thẩm quyền %d cần cả TM./KT./TL./TUQ./Q. và chức danh (ví dụ CHỦ TỊCH).", l.N)
		default:
			sig.Lines = append(sig.Lines, congtac.SignLine{Authority: congtac.Authority(l.Authority), Of: l.Of})
		}
	}
	public := f.Public
	return congtac.ProgramUpdate{Title: &f.Title, Also: &also, Place: &f.Place, Public: &public,
		Recipients: &recipients, Signature: &sig}, pr.Err()
}

// recipientLines returns the lines of "Nơi nhận": those typed, without the "- " and ";"
// of the document, then the orgs picked that are not there yet, then the closing "Lưu:
// VT, …" line, which stays last ("Lưu: VT." when none was typed).
func recipientLines(typed string, orgs *choices, picked []string) []string {
	var lines, keep []string
	for line := range strings.SplitSeq(typed, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "-–+•"))
		if line == "" {
			continue
		}
		if strings.HasPrefix(vn.Fold(line), "luu") {
			keep = append(keep, line)
			continue
		}
		lines = append(lines, strings.TrimSpace(strings.TrimRight(line, ";,")))
	}
	for _, v := range picked {
		if name := orgs.label(v); name != v && !slices.Contains(lines, name) {
			lines = append(lines, name)
		}
	}
	if len(keep) == 0 {
		keep = []string{"Lưu: VT."}
	}
	return append(lines, keep...)
}

// describe returns the form's fields as people read them, for the conflict page.
func (f *programForm) describe(c editorChoices) []fieldText {
	sig := strings.TrimSpace(f.SignTitle + " " + f.SignName)
	if f.Signer != "" {
		sig = c.signers.label(f.Signer)
	}
	var lines []string
	for _, l := range f.Lines {
		if l.Authority != "" || l.Of != "" {
			lines = append(lines, strings.TrimSpace(l.Authority+" "+strings.ToUpper(l.Of)))
		}
	}
	public := "Không"
	if f.Public {
		public = "Có"
	}
	return []fieldText{{"Trích yếu", f.Title}, {"Kỳ bổ sung", f.Also}, {"Địa danh", f.Place}, {"Công khai", public},
		{"Nơi nhận", strings.Join(recipientLines(f.Recipients, c.orgs, f.RecipientOrgs), "\n")},
		{"Thẩm quyền ký", strings.Join(lines, " / ")}, {"Người ký", sig}}
}

// itemForm is the form of one item in the editor: its texts, style and sector; for a new
// item also where it goes: under the item Ref (Place "child") or right after it (Place
// "after"); with no Ref, last at the top level.
type itemForm struct {
	Action, Anchor               string
	Program                      int64
	Version                      int
	Ref, Place                   string
	Heading, Text, Style, Sector string
	Errors                       map[string]string
	General                      []string
	StyleOptions, SectorOptions  template.HTML
	Confirm                      bool // deleting: the user confirmed the tasks go too
}

// Fields returns the fields of the item's heading and text, as typed, with their
// messages; their ids start with the form's anchor.
func (f *itemForm) Fields() []field {
	e := f.Errors
	return []field{
		newField(e, field{ID: f.Anchor + "-heading", Name: "heading", Label: "Tiêu đề", MaxLength: 500, Value: f.Heading,
			Wrapped: true}),
		newField(e, field{Kind: fieldTextarea, ID: f.Anchor + "-text", Name: "text", Label: "Nội dung", Rows: 4,
			Value: f.Text, Wrapped: true}),
	}
}

// itemFields are the fields of [itemForm] that show their own messages.
var itemFields = []string{"heading", "text", "style", "sector", "parent_id", "confirm"}

// readItemForm returns the item form as the request posted it.
func readItemForm(r *http.Request) *itemForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := &itemForm{Ref: get("ref"), Place: get("place"), Heading: get("heading"), Text: r.PostFormValue("text"),
		Style: get("style"), Sector: get("sector"), Confirm: r.PostFormValue("confirm") == "1", Errors: map[string]string{}}
	f.Version, _ = strconv.Atoi(get("version"))
	return f
}

// itemFormOf returns the form of saved item it.
func itemFormOf(it congtac.Item) *itemForm {
	return &itemForm{Action: fmt.Sprintf("/items/%d", it.ID), Anchor: fmt.Sprintf("item-%d", it.ID), Program: it.ProgramID,
		Version: it.Version, Heading: it.Heading, Text: it.Text, Style: string(it.Style), Sector: string(it.Sector),
		Errors: map[string]string{}}
}

// fill sets the options of the form's selects from c. A new item's form offers no style
// or sector: they follow its depth and are set in its own form once added.
func (f *itemForm) fill(c editorChoices) {
	if f.Version != 0 {
		f.StyleOptions, f.SectorOptions = c.styles.html(f.Style), c.sectors.html(f.Sector)
	}
}

// setErrors places the messages of err by the form's fields, the others as general ones.
func (f *itemForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, itemFields)
}

// apply returns item it with the form's texts, style and sector.
func (f *itemForm) apply(it congtac.Item) congtac.Item {
	it.Heading, it.Text, it.Style, it.Sector = f.Heading, f.Text, congtac.NumberStyle(f.Style), congtac.Sector(f.Sector)
	return it
}

// describe returns the form's fields as people read them, for the conflict page.
func (f *itemForm) describe(c editorChoices) []fieldText {
	return []fieldText{{"Tiêu đề", f.Heading}, {"Nội dung", f.Text}, {"Kiểu đánh số", c.styles.label(f.Style)},
		{"Lĩnh vực", c.sectors.label(f.Sector)}}
}
