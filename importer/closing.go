package importer

import (
	"regexp"
	"strings"

	"congtac"
)

// Closing is what follows a program's body (DOMAIN.md §1): on the left "Nơi nhận:" and its
// recipients, one a line, the last "Lưu: VT, …"; on the right the authority lines
// ("TL. CHỦ TỊCH"), the signer's title in capitals and the signer's name.
type Closing struct {
	Recipients []string // as [congtac.Program.Recipients] keeps them: "Chủ tịch, các PCT UBND huyện;", "+ Phòng KG-VX;"
	Signature  congtac.Signature
	Problems   []Problem
}

// authorityLine matches an authority line of a signature: "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG".
var authorityLine = regexp.MustCompile(`^(TM|KT|TL|TUQ|Q)\.\s+(\p{Lu}[\p{Lu}\s]*)$`)

// ReadClosing reads the closing of rows from row from on (where [ReadOutline] found the
// body's end). Under "Nơi nhận:", a line starting "-" is a recipient, one starting "+" a
// recipient of the group above, and a line without either goes on with the line above,
// or, under a group ending ":", is one of its recipients. The authority lines follow, then
// the title (a line in capitals) and the name (the next line that is not in capitals).
func ReadClosing(rows []Row, from int) Closing {
	var c Closing
	i := from
	if i < len(rows) && strings.HasPrefix(rows[i].Text, "Nơi nhận") {
		i++
		for ; i < len(rows) && !authorityLine.MatchString(rows[i].Text); i++ {
			c.addRecipient(rows[i].Text)
		}
	}
	for ; i < len(rows); i++ {
		g := authorityLine.FindStringSubmatch(rows[i].Text)
		if g == nil {
			break
		}
		c.Signature.Lines = append(c.Signature.Lines, congtac.SignLine{Authority: congtac.Authority(g[1] + "."), Of: strings.TrimSpace(g[2])})
	}
	for ; i < len(rows); i++ {
		text := rows[i].Text
		switch {
		case c.Signature.Title == "" && isCapitals(text):
			c.Signature.Title = text
		case c.Signature.Title != "" && !isCapitals(text):
			c.Signature.Name = text
			return c
		}
	}
	if len(c.Signature.Lines) == 0 && c.Signature.Title == "" {
		c.Problems = append(c.Problems, Problem{from, "Không thấy phần ký (thẩm quyền, chức vụ và họ tên người ký)."})
	} else if c.Signature.Name == "" {
		c.Problems = append(c.Problems, Problem{from, "Không thấy họ tên người ký dưới chức vụ."})
	}
	return c
}

// addRecipient adds one line of "Nơi nhận".
func (c *Closing) addRecipient(line string) {
	n := len(c.Recipients)
	switch {
	case strings.HasPrefix(line, "-"), strings.HasPrefix(line, "–"), strings.HasPrefix(line, "•"):
		c.Recipients = append(c.Recipients, strings.TrimSpace(strings.TrimLeft(line, "-–• ")))
	case strings.HasPrefix(line, "+"):
		c.Recipients = append(c.Recipients, "+ "+strings.TrimSpace(strings.TrimLeft(line, "+ ")))
	case n > 0 && strings.HasSuffix(c.Recipients[n-1], ":"), n > 0 && strings.HasPrefix(c.Recipients[n-1], "+"):
		c.Recipients = append(c.Recipients, "+ "+line) // a group's member whose "+" was lost
	case n > 0:
		c.Recipients[n-1] += " " + line
	default:
		c.Recipients = append(c.Recipients, line)
	}
}
