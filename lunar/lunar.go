// Package lunar converts between the Gregorian calendar and the Vietnamese lunisolar
// calendar (âm lịch), computed from the astronomy for the time zone UTC+7, on which Vietnam
// has reckoned its calendar since 1968 (Tết Mậu Thân fell on 29 January 1968 by it, a day
// before China's). The rules:
//
//   - A month begins on the day, in UTC+7, of a new moon, and has 29 or 30 days.
//   - Month 11 is the month in which the winter solstice (the Sun at 270°) falls.
//   - When 13 months begin between one month 11 and the next, one of them is a leap month
//     (tháng nhuận): the first after month 11 in which no major solar term (trung khí, the
//     Sun at a multiple of 30°) begins. It takes the number of the month before it.
//   - The year begins with month 1 (Tết Nguyên đán); months 11 and 12 end it.
//
// These are the rules of the algorithm Hồ Ngọc Đức published for Vietnamese calendars,
// computed here from Meeus's astronomy (see astro.go). Because Vietnam's day boundaries lie
// an hour before China's, the two calendars part when a new moon or a solar term falls
// between 23:00 and midnight in Hanoi: Tết 2007 was on 17 February in Vietnam and on
// 18 February in China.
//
// The conversion needs no tables. Over 1809 to 2199 it agrees day by day with the tables Hồ
// Ngọc Đức computed; before 1809 a few new moons and solar terms fall so close to midnight
// that his older formulas and Meeus's put them on different days.
package lunar

import "fmt"

// zone is the calendar's time zone, UTC+7, in days.
const zone = 7.0 / 24

// Date is a day of the lunar calendar: Day 1 to 30 of Month 1 to 12 of Year, Leap when the
// month is the year's leap month (the second month of that number). The lunar Year is
// numbered as the Gregorian year in which it mostly falls: Tết 2026 begins lunar year 2026.
type Date struct {
	Year, Month, Day int
	Leap             bool
}

// String returns the date as schedules write it: "12/12 ÂL", and for a day of a leap month
// "15/2 nhuận ÂL". The zero Date gives "".
func (d Date) String() string {
	switch {
	case d == Date{}:
		return ""
	case d.Leap:
		return fmt.Sprintf("%d/%d nhuận ÂL", d.Day, d.Month)
	}
	return fmt.Sprintf("%d/%d ÂL", d.Day, d.Month)
}

// FromSolar returns the lunar date of the Gregorian day y-m-d. The day must be on the
// calendar (m 1 to 12, d within the month); otherwise it is normalised as package time does.
func FromSolar(y, m, d int) Date {
	day := dayNumber(y, m, d)
	y, _, _ = civil(day)
	k11, start11 := month11(y)
	var sy solsticeYear
	if day >= start11 {
		k, start := month11(y + 1)
		sy = newSolsticeYear(y+1, k11, start11, k, start)
	} else {
		k, start := month11(y - 1)
		sy = newSolsticeYear(y, k, start, k11, start11)
	}
	i := sy.n - 1
	for day < sy.starts[i] {
		i--
	}
	num, leap := sy.month(i)
	year := sy.year
	if num >= 11 {
		year--
	}
	return Date{Year: year, Month: num, Day: day - sy.starts[i] + 1, Leap: leap}
}

// ToSolar returns the Gregorian day of lunar date ld, and false when the lunar calendar has
// no such day: a Month outside 1 to 12, a Day outside 1 to 30, day 30 of a month of 29 days,
// or Leap for a month that is not that year's leap month.
func ToSolar(ld Date) (y, m, d int, ok bool) {
	if ld.Month < 1 || ld.Month > 12 || ld.Day < 1 || ld.Day > 30 {
		return 0, 0, 0, false
	}
	year := ld.Year
	if ld.Month >= 11 {
		year++
	}
	sy := solsticeYearOf(year)
	for i := range sy.n {
		num, leap := sy.month(i)
		if num != ld.Month || leap != ld.Leap {
			continue
		}
		if ld.Day > sy.starts[i+1]-sy.starts[i] {
			return 0, 0, 0, false
		}
		y, m, d = civil(sy.starts[i] + ld.Day - 1)
		return y, m, d, true
	}
	return 0, 0, 0, false
}

// LeapMonth returns the number of lunar year's leap month, 0 when the year has none. Months
// 11 and 12 belong to the year they end, so a leap month 11 of 2033 is in LeapMonth(2033).
func LeapMonth(year int) int {
	for _, sy := range []solsticeYear{solsticeYearOf(year), solsticeYearOf(year + 1)} {
		for i := range sy.n {
			num, leap := sy.month(i)
			if leap && (sy.year == year) == (num <= 10) {
				return num
			}
		}
	}
	return 0
}

// MonthDays returns the number of days (29 or 30) of lunar month month, leap or not, of
// year, and 0 when the calendar has no such month.
func MonthDays(year, month int, leap bool) int {
	if _, _, _, ok := ToSolar(Date{year, month, 30, leap}); ok {
		return 30
	}
	if _, _, _, ok := ToSolar(Date{year, month, 29, leap}); ok {
		return 29
	}
	return 0
}

// solsticeYear holds the months from the month 11 that contains the winter solstice of
// Gregorian year year-1 to the one before the next month 11: months 11 and 12 of lunar year
// year-1, then months 1 to 10 of year, with a leap month among them when n is 13.
type solsticeYear struct {
	year   int
	starts [14]int // day numbers of the months' first days; starts[n] begins the next month 11
	n      int     // 12 or 13 months
	leap   int     // index of the leap month in starts, 0 for none
}

// solsticeYearOf returns the months between the solstice months of Gregorian years year-1
// and year.
func solsticeYearOf(year int) solsticeYear {
	k0, start0 := month11(year - 1)
	k1, start1 := month11(year)
	return newSolsticeYear(year, k0, start0, k1, start1)
}

// newSolsticeYear returns the months from the one new moon k0 begins on day start0 to the
// one before new moon k1 (day start1), both months 11.
func newSolsticeYear(year, k0, start0, k1, start1 int) solsticeYear {
	sy := solsticeYear{year: year, n: k1 - k0}
	sy.starts[0], sy.starts[sy.n] = start0, start1
	for i := 1; i < sy.n; i++ {
		sy.starts[i] = newMoonDay(k0 + i)
	}
	if sy.n == 13 {
		next := termSector(sy.starts[1])
		for i := 1; i < sy.n; i++ {
			this := next
			next = termSector(sy.starts[i+1])
			if this == next {
				sy.leap = i
				break
			}
		}
	}
	return sy
}

// month returns the number of the month at index i and whether it is the leap month.
func (sy solsticeYear) month(i int) (num int, leap bool) {
	if sy.leap != 0 && i >= sy.leap {
		return (i+9)%12 + 1, i == sy.leap
	}
	return (i+10)%12 + 1, false
}

// month11 returns the number of the new moon that begins the month containing the winter
// solstice of Gregorian year y, and the day number of that month's first day.
func month11(y int) (k, start int) {
	dec31 := dayNumber(y, 12, 31)
	// The mean new moon is within a day of the true one, so k is right or one off.
	k = floor((float64(dec31) - newMoonEpoch) / synodicMonth)
	start = newMoonDay(k)
	if start > dec31 {
		k--
		start = newMoonDay(k)
	} else if next := newMoonDay(k + 1); next <= dec31 {
		k, start = k+1, next
	}
	// The month beginning in December's last weeks contains the solstice (21 or 22
	// December) unless the Sun had passed 270° when it began.
	if termSector(start) >= 9 {
		k--
		start = newMoonDay(k)
	}
	return k, start
}

// newMoonDay returns the day number of the day, in UTC+7, of new moon k.
func newMoonDay(k int) int { return localDay(newMoon(k)) }

// localDay returns the day number of the day, in UTC+7, that contains instant jd.
func localDay(jd float64) int { return floor(jd + 0.5 + zone) }

// termSector returns which twelfth of the ecliptic (0 to 11, each 30° from the vernal
// equinox) the Sun is in at the start of day number day in UTC+7. A month contains a major
// solar term exactly when the sector changes between its first day and the next month's.
func termSector(day int) int {
	return int(sunLongitude(float64(day)-0.5-zone) / 30)
}

func floor(x float64) int {
	i := int(x)
	if float64(i) > x {
		i--
	}
	return i
}

// dayNumber returns the Julian Day Number of the Gregorian day y-m-d (noon of that day),
// normalising m and d as package time does. Algorithm: H. Hinnant's days_from_civil.
func dayNumber(y, m, d int) int {
	y += floorDiv(m-1, 12)
	m = mod(m-1, 12) + 1
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468 + 2440588
}

// civil is the inverse of dayNumber (Hinnant's civil_from_days).
func civil(jdn int) (y, m, d int) {
	n := jdn - 2440588 + 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = (mp+2)%12 + 1
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - floorDiv(a, b)*b }
