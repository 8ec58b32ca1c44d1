package lunar

import "math"

// The astronomy the calendar needs: the instants of the new moons and the Sun's apparent
// longitude, both after J. Meeus, Astronomical Algorithms (2nd ed., 1998), and ΔT after
// F. Espenak and J. Meeus, Five Millennium Canon of Solar Eclipses (NASA TP-2006-214141).
// Instants are Julian Days: days and fractions since noon UT of 1 January 4713 BC (Julian),
// in Universal Time unless the name says TT.

// synodicMonth is the mean length of a lunation in days.
const synodicMonth = 29.530588861

// newMoonEpoch is the mean new moon of lunation 0 (6 January 2000), Julian Day TT.
const newMoonEpoch = 2451550.09766

// rad converts degrees to radians.
func rad(deg float64) float64 { return deg * math.Pi / 180 }

// newMoon returns the instant of new moon number k (0 is that of 6 January 2000, negative
// numbers are earlier) as a Julian Day UT. Meeus chapter 49: the mean phase corrected by the
// periodic terms of the Moon and the Sun and by the fourteen planetary arguments; its error
// is under a minute over the years the calendar serves.
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := newMoonEpoch + synodicMonth*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := rad(2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3)                      // the Sun's mean anomaly
	mm := rad(201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4) // the Moon's
	f := rad(160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4)  // its argument of latitude
	om := rad(124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3)                    // its ascending node
	sin := math.Sin
	jde += -0.40720*sin(mm) + 0.17241*e*sin(m) + 0.01608*sin(2*mm) + 0.01039*sin(2*f) +
		0.00739*e*sin(mm-m) - 0.00514*e*sin(mm+m) + 0.00208*e*e*sin(2*m) - 0.00111*sin(mm-2*f) -
		0.00057*sin(mm+2*f) + 0.00056*e*sin(2*mm+m) - 0.00042*sin(3*mm) + 0.00042*e*sin(m+2*f) +
		0.00038*e*sin(m-2*f) - 0.00024*e*sin(2*mm-m) - 0.00017*sin(om) - 0.00007*sin(mm+2*m) +
		0.00004*sin(2*mm-2*f) + 0.00004*sin(3*m) + 0.00003*sin(mm+m-2*f) + 0.00003*sin(2*mm+2*f) -
		0.00003*sin(mm+m+2*f) + 0.00003*sin(mm-m+2*f) - 0.00002*sin(mm-m-2*f) - 0.00002*sin(3*mm+m) +
		0.00002*sin(4*mm)
	for i, p := range planetary {
		arg := p.a + p.b*kf
		if i == 0 {
			arg -= 0.009173 * t2
		}
		jde += p.coef * sin(rad(arg))
	}
	return jde - deltaT(jde)/86400
}

// planetary are Meeus's additional corrections to every phase (table 49.B): the argument
// a + b·k in degrees and the coefficient in days. The first argument also has -0.009173 T².
var planetary = [14]struct{ a, b, coef float64 }{
	{299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
	{349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
	{207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
	{207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
	{239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
}

// sunLongitude returns the Sun's apparent ecliptic longitude in degrees, in [0, 360), at
// instant jd (Julian Day UT). Meeus chapter 25, the solution of lower accuracy (about 0.01°,
// a quarter of an hour of the Sun's motion), with nutation and aberration.
func sunLongitude(jd float64) float64 {
	t := (jd + deltaT(jd)/86400 - 2451545) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := rad(357.52911 + 35999.05029*t - 0.0001537*t*t)
	c := (1.914602-0.004817*t-0.000014*t*t)*math.Sin(m) + (0.019993-0.000101*t)*math.Sin(2*m) +
		0.000289*math.Sin(3*m)
	om := rad(125.04 - 1934.136*t)
	l := math.Mod(l0+c-0.00569-0.00478*math.Sin(om), 360)
	if l < 0 {
		l += 360
	}
	return l
}

// deltaT returns TT − UT in seconds at Julian Day jd: the polynomials of Espenak and Meeus
// from 1700 to 2150, their long-term parabola outside.
func deltaT(jd float64) float64 {
	y := 2000 + (jd-2451544.5)/365.2425
	switch {
	case y < 1700 || y >= 2150:
		u := (y - 1820) / 100
		return -20 + 32*u*u
	case y < 1800:
		t := y - 1700
		return 8.83 + 0.1603*t - 0.0059285*t*t + 0.00013336*t*t*t - t*t*t*t/1174000
	case y < 1860:
		t := y - 1800
		return 13.72 + t*(-0.332447+t*(0.0068612+t*(0.0041116+t*(-0.00037436+t*(0.0000121272+t*(-0.0000001699+t*0.000000000875))))))
	case y < 1900:
		t := y - 1860
		return 7.62 + t*(0.5737+t*(-0.251754+t*(0.01680668+t*(-0.0004473624+t/233174))))
	case y < 1920:
		t := y - 1900
		return -2.79 + t*(1.494119+t*(-0.0598939+t*(0.0061966-0.000197*t)))
	case y < 1941:
		t := y - 1920
		return 21.20 + t*(0.84493+t*(-0.076100+t*0.0020936))
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		return 63.86 + t*(0.3345+t*(-0.060374+t*(0.0017275+t*(0.000651814+t*0.00002373599))))
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	}
	u := (y - 1820) / 100
	return -20 + 32*u*u - 0.5628*(2150-y)
}
