package importer

import (
	"os"
	"strings"
	"testing"

	"congtac/vn"
)

// TestRestorePutsBackTheSeedsLostLetters restores the seed as its PDF gave it: the title's
// summary and the headings whose bold font lost letters read as the program wrote them,
// learned from the program's own undamaged paragraphs.
func TestRestorePutsBackTheSeedsLostLetters(t *testing.T) {
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := ReadText(data)
	src, _ = Clean(src, vn.ToneKeep)
	restored, done := Restore(src, nil)
	text := strings.Join(restored.Lines(), "\n")
	for _, want := range []string{"Công tác của UBND huyện tháng 4 năm 2023", "1. Về phát triển kinh tế", "2. Về văn hóa - xã hội", "3. Công tác nội chính", "cơ quan, địa phương, đơn vị./.", "có chương trình công tác cụ thể làm việc với các"} {
		if !strings.Contains(text, want) {
			t.Errorf("restored seed lacks %q", want)
		}
	}
	for _, r := range done {
		t.Logf("%.2f %q → %q", r.Confidence, r.Before, r.After)
		switch {
		case r.Confidence < 0 || r.Confidence > 1 || r.Before == r.After:
			t.Errorf("restoration %+v", r)
		case strings.HasPrefix(r.After, "Công tác của UBND") && r.Confidence < 0.9:
			t.Errorf("the title's summary restored with confidence %.2f, want 0.9 or more", r.Confidence)
		// "giao b n" is "giao ban", which the program never writes whole: "bàn" (địa bàn)
		// is likelier by itself, so the line must go to the user.
		case strings.Contains(r.After, "giao bàn") && r.Confidence >= 0.9:
			t.Errorf("%q restored with confidence %.2f: a doubtful guess must go to the user", r.After, r.Confidence)
		}
	}
	m := ReadMasthead(restored.Rows())
	if m.Summary.Text != "Công tác của UBND huyện tháng 4 năm 2023" || m.Period.Key() != "2023-04" || len(m.Problems) != 0 {
		t.Errorf("restored masthead: summary %q, period %s, problems %+v", m.Summary.Text, m.Period, m.Problems)
	}
}

func TestRestoreWithAVocabulary(t *testing.T) {
	var vocab Vocabulary
	vocab.Add("Kế hoạch công tác tháng 5 năm 2023 của Ủy ban nhân dân xã; kế hoạch phát triển kinh tế xã hội")
	src := Source{Blocks: []Block{
		{Kind: KindParagraph, Text: "K  ho ch c n  t c th n  5"},
		{Kind: KindParagraph, Text: "Nội dung không mất chữ"},
	}}
	got, done := Restore(src, &vocab)
	if got.Blocks[0].Text != "Kế hoạch công tác tháng 5" || got.Blocks[1].Text != "Nội dung không mất chữ" || len(done) != 1 {
		t.Errorf("restored %q, %q; %+v", got.Blocks[0].Text, got.Blocks[1].Text, done)
	}
	if src.Blocks[0].Text != "K  ho ch c n  t c th n  5" {
		t.Errorf("Restore changed its input")
	}
}

func FuzzRestore(f *testing.F) {
	f.Add("Côn  t c củ  UBND hu  n th n  4 năm 2023", "Công tác của UBND huyện tháng")
	f.Add("  a  b ", "")
	f.Fuzz(func(t *testing.T, line, known string) {
		var vocab Vocabulary
		vocab.Add(known)
		got, done := Restore(Source{Blocks: []Block{{Kind: KindParagraph, Text: line}}}, &vocab)
		if len(got.Blocks) != 1 || len(done) > 1 {
			t.Fatalf("%q: %d blocks, %d restorations", line, len(got.Blocks), len(done))
		}
		for _, r := range done {
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("%q: confidence %v", line, r.Confidence)
			}
		}
	})
}

// BenchmarkRestoreSeed restores the whole seed as an import does: the vocabulary of its
// undamaged lines, then each line that may have lost letters read again.
func BenchmarkRestoreSeed(b *testing.B) {
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		b.Fatal(err)
	}
	src, _ := ReadText(data)
	src, _ = Clean(src, vn.ToneKeep)
	b.ReportAllocs()
	for b.Loop() {
		Restore(src, nil)
	}
}
