package export

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congtac"
)

// How a program prints the tasks of its items (see [congtac.TaskPrint]): the office's
// parenthetical "(Văn phòng HĐND và UBND huyện chủ trì, Phòng Nội vụ phối hợp)", put in the
// item's prose for an inline task or after the text of a task on its own line; nothing for
// a task tracked only.

// parenthetical returns what a task's brackets hold: its source when it is to print ("theo
// Chỉ thị số 19-CT/TU …"), who does it ("Phòng Tài chính - KH chuẩn bị", "Văn phòng chủ
// trì, Phòng Nội vụ phối hợp") and its deadline ([dueParts]: "thời hạn: chậm nhất trong
// tháng 5/2023", "chuyển tiếp; hạn cũ 15/12/2026"), separated by semicolons; "" when there
// is nothing to say.
func parenthetical(t congtac.Task, orgs map[int64]string) string {
	var parts []string
	if src := sourceText(t.Source); t.Print.Source && src != "" {
		parts = append(parts, src)
	}
	if who := whoDoes(t, orgs); who != "" {
		parts = append(parts, who)
	}
	return strings.Join(append(parts, dueParts(t)...), "; ")
}

// dueParts returns what a task's brackets say of its deadline: "thời hạn: …" when it is to
// print; for a task carried over, "chuyển tiếp" first and, in every case, "hạn cũ
// 15/12/2026" when the office kept the deadline it missed, and the deferral it carries
// ([deferralText]: "đã giãn đến quý I/2027", "tạm hoãn"), whose deadline is the one that
// counts.
func dueParts(t congtac.Task) []string {
	var parts []string
	if t.CarriedFrom != 0 {
		parts = append(parts, "chuyển tiếp")
		if t.KeepsOldDue && !t.Due.IsVague() {
			parts = append(parts, "hạn cũ "+oneLine(t.Due.String()))
		}
		if t.Deferral != nil {
			return append(parts, deferralText(*t.Deferral))
		}
		if t.KeepsOldDue && !t.Due.IsVague() {
			return parts
		}
	}
	if due := oneLine(t.Due.Written()); t.Print.Due && due != "" {
		parts = append(parts, "thời hạn: "+due)
	}
	return parts
}

// deferralText returns how a program states a deferral: "đã giãn đến quý I/2027" when it
// gave a new deadline; "tạm hoãn", or the words it was postponed in when they say more
// ("tạm hoãn, chờ ý kiến chỉ đạo …"), when it did not.
func deferralText(d congtac.Deferral) string {
	if !d.To.IsVague() {
		return "đã giãn đến " + oneLine(d.To.String())
	}
	text := strings.TrimRight(oneLine(d.To.Text), ".;, ")
	switch {
	case text == "":
		return "tạm hoãn"
	case strings.HasPrefix(strings.ToLower(text), "tạm hoãn"):
		return strings.ToLower(text[:1]) + text[1:]
	}
	return "tạm hoãn, " + text
}

// whoDoes returns the lead org with its verb and the support orgs: "Văn phòng HĐND và UBND
// huyện chủ trì, Phòng Nội vụ phối hợp"; "" when the lead has no name.
func whoDoes(t congtac.Task, orgs map[int64]string) string {
	lead := oneLine(orgs[t.Lead])
	if lead == "" {
		return ""
	}
	s := lead + " " + t.Print.Lead.Verb()
	if sup := supportNames(t, orgs); sup != "" {
		s += ", " + sup + " phối hợp"
	}
	return s
}

// sourceText returns a task's source as the program cites it: "theo Chỉ thị số …", without
// a closing full stop; "" for none.
func sourceText(src string) string {
	s := strings.TrimRight(oneLine(src), ".; ")
	if s == "" {
		return ""
	}
	if first, _ := utf8.DecodeRuneInString(s); strings.HasPrefix(strings.ToLower(s), "theo ") && unicode.IsLower(first) {
		return s
	}
	if rest, ok := strings.CutPrefix(s, "Theo "); ok {
		s = rest
	}
	return "theo " + s
}

// taskLine returns a task as its own line under the item: "- text (parenthetical).".
func taskLine(t congtac.Task, orgs map[int64]string) para {
	s := "- " + strings.TrimRight(oneLine(t.Text), ".;, ")
	if p := parenthetical(t, orgs); p != "" {
		s += " (" + p + ")"
	}
	return bodyPara(plain(s + "."))
}

// insertion is a parenthetical to put into an item's paragraphs: in paragraph para, run
// run, before byte at (at < 0: as a run of its own after the paragraph's last run).
type insertion struct {
	para, run, at int
	text          string
}

// inline puts the parentheticals of an item's inline tasks into its paragraphs: each after
// the sentence of the prose that contains the task's text, before its full stop, or else
// at the end of the item before its closing full stop. Parentheticals falling on the same
// place are joined with semicolons, in the tasks' order.
func inline(out []para, tasks []congtac.Task, orgs map[int64]string) {
	if len(out) == 0 {
		return
	}
	var ins []insertion
	for _, t := range tasks {
		p := parenthetical(t, orgs)
		if t.Print.Mode != congtac.PrintInline || p == "" {
			continue
		}
		at := anchor(out, t.Text)
		if i := slices.IndexFunc(ins, func(o insertion) bool { return o.para == at.para && o.run == at.run && o.at == at.at }); i >= 0 {
			ins[i].text += "; " + p
			continue
		}
		at.text = p
		ins = append(ins, at)
	}
	// Later places first, so that earlier offsets stay right.
	slices.SortStableFunc(ins, func(a, b insertion) int {
		if a.para != b.para {
			return b.para - a.para
		}
		if a.run != b.run {
			return b.run - a.run
		}
		return b.at - a.at
	})
	for _, in := range ins {
		p := &out[in.para]
		if in.at < 0 {
			p.runs = append(p.runs, plain(" ("+in.text+")"))
			continue
		}
		r := &p.runs[in.run]
		r.text = strings.TrimRight(r.text[:in.at], " ") + " (" + in.text + ")" + r.text[in.at:]
	}
}

// anchor returns where a task's parenthetical goes in an item's paragraphs: before the
// full stop of the sentence of a regular run that contains the task's text, or before the
// closing full stop of the last paragraph.
func anchor(out []para, text string) insertion {
	if key := strings.TrimRight(oneLine(text), ".;, "); key != "" {
		for i, p := range out {
			for j, r := range p.runs {
				if r.style != regular {
					continue
				}
				if k := indexSentence(r.text, key); k >= 0 {
					return insertion{para: i, run: j, at: sentenceEnd(r.text, k+len(key))}
				}
			}
		}
	}
	last := len(out) - 1
	runs := out[last].runs
	if len(runs) == 0 || runs[len(runs)-1].style != regular {
		return insertion{para: last, at: -1}
	}
	r := runs[len(runs)-1].text
	return insertion{para: last, run: len(runs) - 1, at: closingStop(r, len(r))}
}

// indexSentence returns where key starts in s, matched as written or with its first letter
// in the other case (a task's text starts a sentence, the prose may say it mid-sentence,
// or the other way round); -1 when s does not contain it.
func indexSentence(s, key string) int {
	first, n := utf8.DecodeRuneInString(key)
	for _, k := range []string{key, string(unicode.ToLower(first)) + key[n:], string(unicode.ToUpper(first)) + key[n:]} {
		if i := strings.Index(s, k); i >= 0 {
			return i
		}
	}
	return -1
}

// sentenceEnd returns the byte offset of the full stop that ends the sentence going on at
// from: a single "." followed by a space or the end of s (not an ellipsis, a decimal or an
// abbreviation's dot), or the closing "./."; without one, where s's closing punctuation
// starts.
func sentenceEnd(s string, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] != '.' || (i > 0 && s[i-1] == '.') {
			continue
		}
		if strings.HasPrefix(s[i:], "./.") && i+3 == len(s) {
			return i
		}
		if i+1 == len(s) || s[i+1] == ' ' {
			return i
		}
	}
	return closingStop(s, len(s))
}

// closingStop returns where the closing punctuation of s[:end] starts: "./.", ".", ";" or
// ":"; end when there is none (an ellipsis ends a sentence of its own).
func closingStop(s string, end int) int {
	t := strings.TrimRight(s[:end], " ")
	switch {
	case strings.HasSuffix(t, "./."):
		return len(t) - 3
	case strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…"):
		return len(t)
	case strings.HasSuffix(t, ".") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":"):
		return len(t) - 1
	}
	return len(t)
}
