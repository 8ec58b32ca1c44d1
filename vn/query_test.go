package vn

import (
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	word := func(text string, words ...string) Term { return Term{Text: text, Words: words} }
	phrase := func(text string, words ...string) Term { return Term{Text: text, Words: words, Phrase: true} }
	exact := func(text string, words ...string) Term { return Term{Text: text, Words: words, Exact: true} }
	for _, tt := range []struct {
		query          string
		terms, without []Term
	}{
		{"ke hoach", []Term{word("ke", "ke"), word("hoach", "hoach")}, nil},
		{"  Kế   HOẠCH ", []Term{word("Kế", "ke"), word("HOẠCH", "hoach")}, nil},
		{`"kế hoạch năm" 2023`, []Term{phrase("kế hoạch năm", "ke", "hoach", "nam"), exact("2023", "2023")}, nil},
		{"đường -dự án", []Term{word("đường", "duong"), word("án", "an")}, []Term{word("dự", "du")}},
		{`giao thông -"dự án"`, []Term{word("giao", "giao"), word("thông", "thong")}, []Term{phrase("dự án", "du", "an")}},
		{`-"dự án"`, nil, nil},
		{"Chỉ thị 19-CT/TU", []Term{word("Chỉ", "chi"), word("thị", "thi"), exact("19-CT/TU", "19", "ct", "tu")}, nil},
		{"45/CTr-UBND", []Term{exact("45/CTr-UBND", "45", "ctr", "ubnd")}, nil},
		{"CTr-UBND", []Term{exact("CTr-UBND", "ctr", "ubnd")}, nil},
		{"- a", []Term{word("a", "a")}, nil},
		{`"báo cáo tháng`, []Term{phrase("báo cáo tháng", "bao", "cao", "thang")}, nil},
		{"“dự án” đường", []Term{phrase("dự án", "du", "an"), word("đường", "duong")}, nil},
		{`%_\ "" -`, nil, nil},
		{"", nil, nil},
	} {
		q := ParseQuery(tt.query)
		if !reflect.DeepEqual(q.Terms, tt.terms) || !reflect.DeepEqual(q.Excluded, tt.without) {
			t.Errorf("ParseQuery(%q) =\n%+v -%+v\nwant\n%+v -%+v", tt.query, q.Terms, q.Excluded, tt.terms, tt.without)
		}
		if q.Empty() != (len(tt.terms) == 0) {
			t.Errorf("ParseQuery(%q).Empty() = %v", tt.query, q.Empty())
		}
	}
}

func TestTermPatternsAndAccents(t *testing.T) {
	for _, tt := range []struct {
		query    string
		patterns []string
		accented bool
	}{
		{"hoạch", []string{"% hoach%"}, true},
		{"hoach", []string{"% hoach%"}, false},
		{`"Kế Hoạch"`, []string{"% ke hoach%"}, true},
		{"Duong", []string{"% duong%"}, false},
		{"Đường", []string{"% duong%"}, true},
		{"19-CT/TU", []string{"% 19 ct tu %", "% 19 ct tu"}, false},
	} {
		term := ParseQuery(tt.query).Terms[0]
		if got := term.Patterns(); !reflect.DeepEqual(got, tt.patterns) {
			t.Errorf("%q patterns %q, want %q", tt.query, got, tt.patterns)
		}
		if term.Accented() != tt.accented {
			t.Errorf("%q accented = %v, want %v", tt.query, term.Accented(), tt.accented)
		}
	}
}
