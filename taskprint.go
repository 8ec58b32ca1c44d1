package congtac

// PrintMode is how a task of an item appears in the printed program. Every task is tracked
// whatever its mode; the mode only decides what the document says.
type PrintMode string

// Print modes. The zero value prints the task as its own line.
const (
	// PrintLine prints the task as its own "- …" line under the item's prose.
	PrintLine PrintMode = "line"
	// PrintInline prints only the office's parenthetical in the item's prose ("(Phòng Tài
	// chính - KH chuẩn bị)"): after the sentence of the prose that contains the task's text,
	// or at the end of the item, before the full stop.
	PrintInline PrintMode = "inline"
	// PrintNone prints nothing: the prose says it all and the task is tracked only.
	PrintNone PrintMode = "none"
)

// PrintModes lists the modes in the order forms offer them.
var PrintModes = []PrintMode{PrintInline, PrintLine, PrintNone}

// Or returns the mode itself, or [PrintLine] for the zero value.
func (m PrintMode) Or() PrintMode {
	if m == "" {
		return PrintLine
	}
	return m
}

// Label returns the Vietnamese name of the mode, as forms show it.
func (m PrintMode) Label() string {
	switch m.Or() {
	case PrintInline:
		return "Ghi trong đoạn văn (trong ngoặc đơn)"
	case PrintLine:
		return "Ghi thành dòng riêng (- …)"
	case PrintNone:
		return "Không in (chỉ theo dõi)"
	}
	return ""
}

// LeadWord is the verb the parenthetical puts after the lead org: "chủ trì" for a duty,
// "chuẩn bị" for content to put before a meeting, "thực hiện" for a duty done alone.
type LeadWord string

// Lead words. The zero value is [LeadChairs].
const (
	LeadChairs     LeadWord = "chairs"      // chủ trì
	LeadPrepares   LeadWord = "prepares"    // chuẩn bị
	LeadCarriesOut LeadWord = "carries_out" // thực hiện
)

// LeadWords lists the words in the order forms offer them.
var LeadWords = []LeadWord{LeadChairs, LeadPrepares, LeadCarriesOut}

// Or returns the word itself, or [LeadChairs] for the zero value.
func (w LeadWord) Or() LeadWord {
	if w == "" {
		return LeadChairs
	}
	return w
}

// Verb returns the Vietnamese verb as printed: "chủ trì", "chuẩn bị", "thực hiện"; "" for
// an unknown word.
func (w LeadWord) Verb() string {
	return map[LeadWord]string{LeadChairs: "chủ trì", LeadPrepares: "chuẩn bị", LeadCarriesOut: "thực hiện"}[w.Or()]
}

// TaskPrint says how a task is printed in its program: the mode, the verb after its lead
// org, and whether its parenthetical also gives its deadline and its source. The zero value
// prints the task as its own line with its orgs only.
type TaskPrint struct {
	Mode   PrintMode
	Lead   LeadWord
	Due    bool // add the deadline: "thời hạn: chậm nhất trong tháng 5/2023"
	Source bool // add the source: "theo Chỉ thị số 19-CT/TU ngày 11/6/2020 …"
}

// DefaultTaskPrint is how a task is printed unless the drafter says otherwise: on a line
// of its own, its lead "chủ trì", with its deadline.
func DefaultTaskPrint() TaskPrint { return TaskPrint{Due: true} }

// validate adds the problems of p to pr.
func (p TaskPrint) validate(pr *Problems) {
	switch p.Mode {
	case "", PrintLine, PrintInline, PrintNone:
	default:
		pr.Add("print", "Cách in nhiệm vụ %q không hợp lệ.", string(p.Mode))
	}
	if p.Lead.Verb() == "" {
		pr.Add("lead_verb", "Cách ghi cơ quan chủ trì %q không hợp lệ.", string(p.Lead))
	}
}
