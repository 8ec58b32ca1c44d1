package vn

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// paragraph is item 1.1 of the seed program, about 800 bytes.
const paragraph = `Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân chăm sóc vải thiều, cây có múi và
các loại cây ăn quả trong thời kỳ ra hoa, phát triển quả. Đẩy nhanh kế hoạch trồng rừng và chương
trình 01 tỷ cây xanh năm 2023 trong vụ Xuân; tăng cường kiểm tra, quyết liệt xử lý vi phạm về quản
lý, bảo vệ rừng. Hướng dẫn Nhân dân tổ chức tái đàn, tiêm phòng dịch bệnh trong chăn nuôi. Tăng
cường tập huấn, chuyển giao KHKT, tổ chức thực hiện các mô hình sản xuất mới đã được phê duyệt.`

var foldCases = []struct{ name, text string }{
	{"folded", Fold(paragraph)},
	{"ascii", strings.ToUpper(Fold(paragraph))},
	{"vietnamese", paragraph},
	{"nfd", norm.NFD.String(paragraph)},
	{"title", "NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023"},
	{"word", "Nguyễn"},
}

func BenchmarkFold(b *testing.B) {
	for _, c := range foldCases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				Fold(c.text)
			}
		})
	}
}

// BenchmarkFoldTransformChain measures the obvious alternative to Fold's tables, an
// x/text transform chain, for comparison.
func BenchmarkFoldTransformChain(b *testing.B) {
	lower := runes.Map(func(r rune) rune {
		if r == 'đ' || r == 'Đ' {
			return 'd'
		}
		return unicode.ToLower(r)
	})
	for _, c := range foldCases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), lower, norm.NFC)
				s, _, _ := transform.String(t, c.text)
				_ = strings.Join(strings.Fields(s), " ")
			}
		})
	}
}

func BenchmarkContains(b *testing.B) {
	h, q := Fold(paragraph), Fold("phê duyệt")
	for b.Loop() {
		Contains(h, q)
	}
}

// names returns n personal names made from common family, middle and given names.
func names(n int) []string {
	family := strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Vương Đinh")
	middle := strings.Fields("Văn Thị Minh Đức Thu Thanh Hữu Quốc Ngọc Xuân Thị_Thu Văn_Đức")
	given := strings.Fields(`An Anh Ánh Bình Chung Cường Dũng Đào Đức Giang Hà Hải Hạnh Hiếu Hoa Hùng
		Hương Khánh Lan Linh Long Mai Minh Nam Nga Ngọc Phương Quân Quỳnh Sơn Tâm Thảo Thắng Trang
		Trung Tú Tuấn Vân Việt Yến Ẩn Ấn Ân Ơn Ưng Ứng`)
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		m := strings.ReplaceAll(middle[r.IntN(len(middle))], "_", " ")
		out[i] = family[r.IntN(len(family))] + " " + m + " " + given[r.IntN(len(given))]
	}
	return out
}

func BenchmarkCompare(b *testing.B) {
	c := NewCollator()
	for b.Loop() {
		c.Compare("Nguyễn Văn Ánh", "Nguyễn Văn Ẩn")
	}
}

func BenchmarkNewCollator(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewCollator()
	}
}

func BenchmarkSort10000(b *testing.B) {
	xs := names(10000)
	b.Run("Sort", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Sort(slices.Clone(xs))
		}
	})
	b.Run("SortPeople", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			SortPeople(slices.Clone(xs))
		}
	})
	b.Run("SortFuncCompare", func(b *testing.B) { // what Sort avoids: collating n log n times
		b.ReportAllocs()
		c := NewCollator()
		for b.Loop() {
			slices.SortStableFunc(slices.Clone(xs), c.Compare)
		}
	})
}

func BenchmarkParseDue(b *testing.B) {
	phrases := []string{"chậm nhất trong tháng 5/2023", "6 tháng đầu năm", "trước ngày 15/11",
		"chiều thứ Năm hằng tuần", "trong dịp nghỉ hè", "Ngày 21/4/2023 (Thứ Sáu)"}
	for _, s := range phrases {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseDue(s, ref)
			}
		})
	}
}

func BenchmarkParsePeriod(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParsePeriod("NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023")
	}
}

func BenchmarkParseClock(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseClock("Chiều: 14 giờ 30 phút")
	}
}
