package callreport

import (
	"strconv"
	"strings"
	"time"

	"atelier/app/kit/fold"
)

// order is how a file writes numeric dates whose year comes last.
type order int

const (
	monthFirst order = iota // 11/04/2026: the United States, Zoom and Teams in English
	dayFirst                // 04/11/2026: Québec, France, Teams in the United Kingdom
)

// maxMinutes bounds a duration: beyond, the cell is not a duration of a
// session (and the arithmetic would overflow).
const maxMinutes = 7 * 24 * 60

// dateOrder decides, once for the file, whether 04/11 is the 4th of
// November or April 11th: a first field above 12 says day first, a second one
// month first; failing that, the reading that lands on the session's day
// wins; failing that, French headers say day first and English ones month
// first.
func dateOrder(rows []row, french bool, day time.Time) order {
	y, m, d := day.Date()
	var md, dm, mdDay, dmDay int
	for _, r := range rows {
		for _, s := range [...]string{r.join, r.leave, r.stamped} {
			a, b, c, yearFirst, ok := numericDate(firstToken(s))
			if !ok || yearFirst {
				continue
			}
			switch {
			case a > 12 && b <= 12:
				dm++
			case b > 12 && a <= 12:
				md++
			}
			if fullYear(c) == y {
				if a == int(m) && b == d {
					mdDay++
				}
				if b == int(m) && a == d {
					dmDay++
				}
			}
		}
	}
	if dm != md {
		return pick(dm > md)
	}
	if dmDay != mdDay {
		return pick(dmDay > mdDay)
	}
	return pick(french)
}

func pick(dayFirstWins bool) order {
	if dayFirstWins {
		return dayFirst
	}
	return monthFirst
}

// firstToken is what comes before the first space, comma or T.
func firstToken(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " ,Tt\u00a0"); i >= 0 {
		return s[:i]
	}
	return s
}

// numericDate splits 11/04/2026, 2026-11-04, 4.11.26 into its three numbers.
func numericDate(tok string) (a, b, c int, yearFirst, ok bool) {
	i := strings.IndexAny(tok, "/-.")
	if i <= 0 {
		return 0, 0, 0, false, false
	}
	parts := strings.Split(tok, tok[i:i+1])
	if len(parts) != 3 {
		return 0, 0, 0, false, false
	}
	var n [3]int
	for i, p := range parts {
		if len(p) > 4 || !digits(p) {
			return 0, 0, 0, false, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	return n[0], n[1], n[2], len(parts[0]) == 4, true
}

// fullYear reads a two-digit year as this century.
func fullYear(y int) int {
	if y < 100 {
		return 2000 + y
	}
	return y
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// months knows the month abbreviations of both languages, folded.
var months = map[string]time.Month{
	"jan": 1, "janv": 1, "feb": 2, "fev": 2, "fevr": 2, "mar": 3, "mars": 3,
	"apr": 4, "avr": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6, "jul": 7, "juil": 7,
	"aug": 8, "aou": 8, "aout": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthName(s string) (time.Month, bool) {
	s = strings.TrimSuffix(fold.Key(s), ".")
	if m, ok := months[s]; ok {
		return m, true
	}
	if len(s) > 3 {
		m, ok := months[s[:3]]
		return m, ok
	}
	return 0, false
}

// whenSpaces evens out what separates the parts of a time or a duration:
// Windows and ICU put no-break spaces before « PM ».
var whenSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", ",", " ",
	"a.m.", "am", "p.m.", "pm", " à ", " ", " at ", " ")

// durationSpaces keeps the decimal comma of « 62,5 ».
var durationSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// parseWhen reads a join or leave time in any of the tools' ways:
// « 11/04/2026 06:28:15 PM », « 15/11/22, 09:30:47 », « 2026-11-04 18:28:15 »,
// « 2026-11-04T23:28:15Z », « Nov 4, 2026 6:28 PM », « 6:28 PM », « 18 h 28 ».
// A time without a date is placed on base's day; one without a zone is read
// in loc. hasDate says whether the text carried a date.
func parseWhen(s string, o order, base time.Time, loc *time.Location) (t time.Time, hasDate, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 16 && s[4] == '-' && (s[10] == 'T' || s[10] == 't') {
		for _, layout := range [...]string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t.In(loc), true, true
			}
		}
		s = s[:10] + " " + s[11:]
	}
	s = whenSpaces.Replace(strings.ToLower(s))
	toks := strings.Fields(s)

	y, mo, d := base.Date()
	rest := toks
	if dy, dm, dd, n, valid := readDate(toks, o); n > 0 {
		if !valid {
			return time.Time{}, false, false
		}
		y, mo, d, hasDate, rest = dy, dm, dd, true, toks[n:]
	}

	var (
		clock strings.Builder
		ampm  int // 0 none, 1 am, 2 pm
		off   = -1 << 31
	)
	for _, tk := range rest {
		switch {
		case tk == "am" || tk == "pm":
			ampm = map[string]int{"am": 1, "pm": 2}[tk]
		case len(tk) > 2 && (strings.HasSuffix(tk, "am") || strings.HasSuffix(tk, "pm")) && tk[len(tk)-3] >= '0' && tk[len(tk)-3] <= '9':
			ampm = map[string]int{"am": 1, "pm": 2}[tk[len(tk)-2:]]
			clock.WriteString(tk[:len(tk)-2])
		case tk == "z":
			off = 0
		case strings.HasPrefix(tk, "gmt") || strings.HasPrefix(tk, "utc"):
			o, valid := offset(tk[3:])
			if !valid {
				return time.Time{}, false, false
			}
			off = o
		case (tk[0] == '+' || tk[0] == '-') && clock.Len() > 0:
			o, valid := offset(tk)
			if !valid {
				return time.Time{}, false, false
			}
			off = o
		case len(tk) >= 2 && len(tk) <= 5 && letters(tk):
			// a zone abbreviation (EST, HNE…): the times are the cohort's
		default:
			clock.WriteString(tk)
		}
	}
	h, mi, sec, valid := readClock(clock.String())
	if !valid {
		return time.Time{}, false, false
	}
	switch {
	case ampm == 1 && h == 12:
		h = 0
	case ampm == 2 && h < 12:
		h += 12
	case ampm == 1 && h > 12:
		return time.Time{}, false, false
	}
	if off != -1<<31 {
		return time.Date(y, mo, d, h, mi, sec, 0, time.FixedZone("", off)).In(loc), hasDate, true
	}
	return time.Date(y, mo, d, h, mi, sec, 0, loc), hasDate, true
}

// readDate looks for a date at the start of the tokens: numeric
// (11/04/2026) or with a month name (Nov 4 2026, 4 nov. 2026). n is the
// number of tokens it takes, 0 when there is no date; valid says it is a
// real day.
func readDate(toks []string, o order) (y int, m time.Month, d, n int, valid bool) {
	if len(toks) == 0 {
		return 0, 0, 0, 0, false
	}
	if a, b, c, yearFirst, ok := numericDate(toks[0]); ok {
		switch {
		case yearFirst:
			y, m, d = a, time.Month(b), c
		case o == dayFirst:
			y, m, d = fullYear(c), time.Month(b), a
		default:
			y, m, d = fullYear(c), time.Month(a), b
		}
		return y, m, d, 1, validDate(y, m, d)
	}
	if len(toks) >= 3 {
		if mm, ok := monthName(toks[0]); ok && digits(toks[1]) && len(toks[2]) == 4 && digits(toks[2]) {
			d, _ = strconv.Atoi(toks[1])
			y, _ = strconv.Atoi(toks[2])
			return y, mm, d, 3, len(toks[1]) <= 2 && validDate(y, mm, d)
		}
		if mm, ok := monthName(toks[1]); ok && digits(toks[0]) && len(toks[2]) == 4 && digits(toks[2]) {
			d, _ = strconv.Atoi(toks[0])
			y, _ = strconv.Atoi(toks[2])
			return y, mm, d, 3, len(toks[0]) <= 2 && validDate(y, mm, d)
		}
	}
	return 0, 0, 0, 0, false
}

func validDate(y int, m time.Month, d int) bool {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// offset reads a zone offset: « -5 », « +05:30 », « -0500 », or nothing (UTC).
func offset(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	sign := 1
	switch s[0] {
	case '-':
		sign = -1
	case '+':
	default:
		return 0, false
	}
	s = strings.ReplaceAll(s[1:], ":", "")
	if !digits(s) || len(s) > 4 {
		return 0, false
	}
	h, m := s, "0"
	if len(s) > 2 {
		h, m = s[:len(s)-2], s[len(s)-2:]
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if hh > 14 || mm > 59 {
		return 0, false
	}
	return sign * (hh*3600 + mm*60), true
}

// readClock reads « 06:28:15 », « 6:28 », « 18h28 », « 18h », with an
// optional fraction of a second.
func readClock(s string) (h, m, sec int, ok bool) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if !digits(s[i+1:]) {
			return 0, 0, 0, false
		}
		s = s[:i]
	}
	var parts []string
	if strings.Contains(s, "h") {
		parts = strings.SplitN(s, "h", 2)
		if parts[1] == "" {
			parts = parts[:1]
		}
	} else {
		parts = strings.Split(s, ":")
	}
	if len(parts) < 1 || len(parts) > 3 || (len(parts) == 1 && !strings.Contains(s, "h")) {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		if !digits(p) || len(p) > 2 || (i > 0 && len(p) != 2) {
			return 0, 0, 0, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	if n[0] > 23 || n[1] > 59 || n[2] > 60 {
		return 0, 0, 0, false
	}
	return n[0], n[1], min(n[2], 59), true
}

// parseDuration reads a stated duration: Zoom's minutes (« 62 »), Teams'
// « 1h 23m 5s », Meet's « 1 hr 2 min », « 01:23:05 », « 83 min », « 1 h 23 ».
func parseDuration(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(durationSpaces.Replace(s)))
	switch {
	case s == "":
		return 0, false
	case strings.Trim(s, "0123456789.,") == "":
		f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil || f < 0 || f > maxMinutes {
			return 0, false
		}
		return time.Duration(f * float64(time.Minute)), true
	case strings.Contains(s, ":"):
		parts := strings.Split(s, ":")
		if len(parts) > 3 {
			return 0, false
		}
		var n [3]int
		for i, p := range parts {
			if !digits(p) || len(p) > 4 {
				return 0, false
			}
			n[i], _ = strconv.Atoi(p)
		}
		if len(parts) == 2 {
			n[2] = 0
		}
		d := time.Duration(n[0])*time.Hour + time.Duration(n[1])*time.Minute + time.Duration(n[2])*time.Second
		return d, d <= maxMinutes*time.Minute
	}
	var total time.Duration
	last := time.Duration(0)
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 6 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[i:j])
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		var unit time.Duration
		switch s[j:k] {
		case "h", "hr", "hrs", "hour", "hours", "heure", "heures":
			unit = time.Hour
		case "m", "mn", "min", "mins", "minute", "minutes":
			unit = time.Minute
		case "s", "sec", "secs", "second", "seconds", "seconde", "secondes":
			unit = time.Second
		case "":
			// « 1 h 23 »: the number after the hours is minutes
			switch last {
			case time.Hour:
				unit = time.Minute
			case time.Minute:
				unit = time.Second
			default:
				return 0, false
			}
		default:
			return 0, false
		}
		total += time.Duration(n) * unit
		if total > maxMinutes*time.Minute {
			return 0, false
		}
		last, i = unit, k
	}
	return total, last != 0
}
