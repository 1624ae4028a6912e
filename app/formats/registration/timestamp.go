package registration

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/kit/fold"
)

// isoLayouts are tried first, on the value as written: exports from
// databases and Typeform write ISO 8601.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05.999999999",
}

var (
	reSerial  = regexp.MustCompile(`^\d{5}(?:[.,]\d+)?$`)
	reZone    = regexp.MustCompile(`^(.*?)[\s(]*\b(?:(?:gmt|utc)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?|(hne|hae|hnc|hac|hnr|har|hnp|hap|hna|haa|hnt|hat|est|edt|cst|cdt|mst|mdt|pst|pdt|ast|adt|nst|ndt))\)?$`)
	reOffset  = regexp.MustCompile(`^(.*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)\s*([+-])(\d{2}):?(\d{2})$`)
	reAMPM    = regexp.MustCompile(`^(.*\d)\s*([ap])\.?\s?m\.?$`)
	reTime    = regexp.MustCompile(`^(.*?[^\d]|)(\d{1,2})\s*(:|h)\s*(\d{2})?(?:\s*:\s*(\d{2})(?:[.,]\d+)?)?(?:\s*(?:min|mn))?$`)
	reHour    = regexp.MustCompile(`^(.*?[^\d]|)(\d{1,2})$`)
	reNumDate = regexp.MustCompile(`^(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})$`)
	reDMY     = regexp.MustCompile(`^(\d{1,2})(?:er|st|nd|rd|th)?[\s.-]*([a-z]+)\.?[\s,.-]*(\d{4})$`)
	reMDY     = regexp.MustCompile(`^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$`)
	reWeekday = regexp.MustCompile(`^([a-z]+)\.?,?\s+(.+)$`)
	reSlashes = regexp.MustCompile(`^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{2,4}\b`)
)

// zones are the abbreviations a Canadian export may end with, in French
// (HNE, heure normale de l’Est) and English, as offsets in minutes.
var zones = map[string]int{
	"hne": -5 * 60, "est": -5 * 60, "hae": -4 * 60, "edt": -4 * 60,
	"hnc": -6 * 60, "cst": -6 * 60, "hac": -5 * 60, "cdt": -5 * 60,
	"hnr": -7 * 60, "mst": -7 * 60, "har": -6 * 60, "mdt": -6 * 60,
	"hnp": -8 * 60, "pst": -8 * 60, "hap": -7 * 60, "pdt": -7 * 60,
	"hna": -4 * 60, "ast": -4 * 60, "haa": -3 * 60, "adt": -3 * 60,
	"hnt": -210, "nst": -210, "hat": -150, "ndt": -150,
}

var months = map[string]time.Month{}

var weekdays = map[string]bool{}

func init() {
	for m, names := range [][]string{
		{"janvier", "janv", "jan", "january"},
		{"fevrier", "fevr", "fev", "feb", "february"},
		{"mars", "mar", "march"},
		{"avril", "avr", "apr", "april"},
		{"mai", "may"},
		{"juin", "jun", "june"},
		{"juillet", "juil", "jul", "july"},
		{"aout", "aug", "august"},
		{"septembre", "sept", "sep", "september"},
		{"octobre", "oct", "october"},
		{"novembre", "nov", "november"},
		{"decembre", "dec", "december"},
	} {
		for _, n := range names {
			months[n] = time.Month(m + 1)
		}
	}
	for _, d := range []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lun", "mar", "mer", "jeu", "ven", "sam", "dim", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"} {
		weekdays[d] = true
	}
}

// dayFirst decides how to read 04/11/2026 in the timestamp column: from
// the values themselves when one has a day past 12, else day first when
// the headers are French or the file uses semicolons (a European or
// Québec Excel), else month first, as Google Forms writes in English.
func (s *Sheet) dayFirst(col int) bool {
	if col >= 0 {
		dm, md := 0, 0
		for _, r := range s.Rows {
			if col >= len(r.Values) {
				continue
			}
			m := reSlashes.FindStringSubmatch(r.Values[col])
			if m == nil {
				continue
			}
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if a > 12 && b <= 12 {
				dm++
			} else if b > 12 && a <= 12 {
				md++
			}
		}
		if dm > 0 && md == 0 {
			return true
		}
		if md > 0 && dm == 0 {
			return false
		}
	}
	return s.french || s.Delimiter == ';'
}

// parseTime reads a registration time as forms and spreadsheets write it,
// in French or English. raw is the XLSX cell before formatting (a date
// serial number), empty for CSV. A time without a zone is in loc.
func parseTime(v, raw string, dayFirst, date1904 bool, loc *time.Location) (time.Time, bool) {
	if raw != "" {
		if t, ok := serial(raw, date1904, loc); ok {
			return t, true
		}
	}
	v = strings.TrimSpace(v)
	if v == "" || len(v) > 80 {
		return time.Time{}, false
	}
	if len(v) >= 16 && v[4] == '-' {
		for _, l := range isoLayouts {
			if t, err := time.ParseInLocation(l, v, loc); err == nil && plausible(t) {
				return t, true
			}
		}
	}
	if t, ok := serial(v, false, loc); ok {
		return t, true
	}
	// The minus sign first: it is the only non-ASCII character of Google
	// Forms' « UTC−5 », and fold.Key is much faster on ASCII.
	k := fold.Key(strings.ReplaceAll(v, "−", "-"))
	if k == "" {
		return time.Time{}, false
	}
	if t, ok := quickTime(k, dayFirst, loc); ok {
		return t, true
	}
	return slowTime(k, dayFirst, loc)
}

// slowTime reads a folded time with regular expressions, whatever its
// shape.
func slowTime(k string, dayFirst bool, loc *time.Location) (time.Time, bool) {

	// Each pattern is tried only when the text can hold it: the regular
	// expressions are most of the time an import takes.
	zone := loc
	last := k[len(k)-1]
	maybeZone := last >= 'a' && last <= 'z' || last == ')' || strings.Contains(k, "gmt") || strings.Contains(k, "utc")
	var m []string
	if maybeZone {
		m = reZone.FindStringSubmatch(k)
	}
	if m == nil && strings.LastIndexAny(k, "+-") > strings.LastIndexByte(k, ':') && strings.Contains(k, ":") {
		if m = reOffset.FindStringSubmatch(k); m != nil {
			m = []string{m[0], m[1], m[2], m[3], m[4], ""}
		}
	}
	if m != nil {
		k = m[1]
		off := 0
		switch {
		case m[5] != "":
			off = zones[m[5]]
		case m[2] != "":
			h, _ := strconv.Atoi(m[3])
			mi, _ := strconv.Atoi(m[4])
			if h > 14 || mi > 59 {
				return time.Time{}, false
			}
			off = h*60 + mi
			if m[2] == "-" {
				off = -off
			}
		}
		zone = time.FixedZone("", off*60)
	}

	ampm := ""
	if k != "" && (k[len(k)-1] == 'm' || k[len(k)-1] == '.') && strings.ContainsAny(k, "ap") {
		if m := reAMPM.FindStringSubmatch(k); m != nil {
			k, ampm = m[1], m[2]
		}
	}
	hour, minute, sec := 0, 0, 0
	if m := reTime.FindStringSubmatch(k); m != nil && (m[3] == "h" || m[4] != "") {
		k = m[1]
		hour, _ = strconv.Atoi(m[2])
		minute, _ = strconv.Atoi(m[4])
		sec, _ = strconv.Atoi(m[5])
	} else if m := reHour.FindStringSubmatch(k); m != nil && ampm != "" {
		k = m[1]
		hour, _ = strconv.Atoi(m[2])
	} else if ampm != "" {
		return time.Time{}, false
	}
	switch ampm {
	case "a":
		if hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		hour %= 12
	case "p":
		if hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		hour = hour%12 + 12
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}

	y, mo, d, ok := parseDate(trimJoiner(k), dayFirst)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(y, mo, d, hour, minute, sec, 0, zone), true
}

// trimJoiner drops what joins a date to its time: « le 4 nov. à 18 h »,
// "Nov 4, 2026 at 6 PM", "2026-11-04T18:31".
func trimJoiner(k string) string {
	k = strings.TrimRight(k, " ,;-")
	for _, j := range []string{" a", " at", " @", " -", "t", " le"} {
		if strings.HasSuffix(k, j) && (j != "t" || len(k) > 1 && k[len(k)-2] >= '0' && k[len(k)-2] <= '9') {
			k = strings.TrimRight(strings.TrimSuffix(k, j), " ,;-")
		}
	}
	k = strings.TrimPrefix(k, "le ")
	return strings.TrimSpace(k)
}

// parseDate reads the date part: numeric (2026-11-04, 2026/11/04,
// 04/11/2026, 11/4/2026, 04.11.2026) or with a month name in French or
// English (« 4 nov. 2026 », « mercredi 4 novembre 2026 », "Nov 4, 2026").
func parseDate(k string, dayFirst bool) (int, time.Month, int, bool) {
	if m := reNumDate.FindStringSubmatch(k); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		return numericDate(a, len(m[1]), b, c, len(m[3]), dayFirst)
	}
	for range 2 {
		if m := reDMY.FindStringSubmatch(k); m != nil {
			if mo, ok := months[m[2]]; ok {
				d, _ := strconv.Atoi(m[1])
				y, _ := strconv.Atoi(m[3])
				return checkDate(y, int(mo), d)
			}
		}
		if m := reMDY.FindStringSubmatch(k); m != nil {
			if mo, ok := months[m[1]]; ok {
				d, _ := strconv.Atoi(m[2])
				y, _ := strconv.Atoi(m[3])
				return checkDate(y, int(mo), d)
			}
		}
		// « mercredi 4 novembre 2026 », « mar. 4 nov. 2026 », "Wed, Nov 4, 2026"
		m := reWeekday.FindStringSubmatch(k)
		if m == nil || !weekdays[m[1]] {
			break
		}
		k = m[2]
	}
	return 0, 0, 0, false
}

// numericDate orders three numbers of a date: year first when it has four
// digits, else day and month first in the order the values or dayFirst
// say, the year having two or four digits.
func numericDate(a, la, b, c, lc int, dayFirst bool) (int, time.Month, int, bool) {
	switch {
	case la == 4 && lc <= 2:
		return checkDate(a, b, c)
	case la > 2 || lc == 3 || lc == 1:
		return 0, 0, 0, false
	}
	if lc == 2 {
		c += 2000
	}
	switch {
	case a > 12:
		return checkDate(c, b, a)
	case b > 12:
		return checkDate(c, a, b)
	case dayFirst:
		return checkDate(c, b, a)
	}
	return checkDate(c, a, b)
}

// quickTime reads, without regular expressions, the shape nearly every
// export uses: a numeric date, then maybe a time, « am »/« pm » and a
// GMT or UTC offset (« 2026/11/04 6:31:05 pm utc-5 »). Anything else is
// left to slowTime.
func quickTime(k string, dayFirst bool, loc *time.Location) (time.Time, bool) {
	i := 0
	num := func(most int) (n, digits int) {
		for i < len(k) && digits < most && k[i] >= '0' && k[i] <= '9' {
			n = n*10 + int(k[i]-'0')
			i++
			digits++
		}
		return n, digits
	}
	is := func(c byte) bool {
		if i < len(k) && k[i] == c {
			i++
			return true
		}
		return false
	}
	a, la := num(4)
	if la == 0 || i >= len(k) || k[i] != '-' && k[i] != '/' && k[i] != '.' {
		return time.Time{}, false
	}
	sep := k[i]
	i++
	b, lb := num(2)
	if lb == 0 || !is(sep) {
		return time.Time{}, false
	}
	c, lc := num(4)
	if lc == 0 {
		return time.Time{}, false
	}
	y, mo, d, ok := numericDate(a, la, b, c, lc, dayFirst)
	if !ok {
		return time.Time{}, false
	}
	hour, minute, sec := 0, 0, 0
	zone := loc
	if i < len(k) {
		if !is(' ') && !is('t') {
			return time.Time{}, false
		}
		var lh, lm, ls int
		hour, lh = num(2)
		if lh == 0 || !is(':') {
			return time.Time{}, false
		}
		if minute, lm = num(2); lm != 2 {
			return time.Time{}, false
		}
		if is(':') {
			if sec, ls = num(2); ls != 2 {
				return time.Time{}, false
			}
			if is('.') || is(',') {
				if _, lf := num(9); lf == 0 {
					return time.Time{}, false
				}
			}
		}
		rest := strings.TrimSpace(k[i:])
		for _, p := range []struct {
			text string
			add  int
		}{{"am", 0}, {"a.m.", 0}, {"pm", 12}, {"p.m.", 12}} {
			if strings.HasPrefix(rest, p.text) {
				if hour < 1 || hour > 12 {
					return time.Time{}, false
				}
				hour = hour%12 + p.add
				rest = strings.TrimSpace(rest[len(p.text):])
				break
			}
		}
		if rest != "" {
			if !strings.HasPrefix(rest, "gmt") && !strings.HasPrefix(rest, "utc") {
				return time.Time{}, false
			}
			k, i = strings.ReplaceAll(rest[3:], " ", ""), 0
			off := 0
			if i < len(k) {
				sign := 1
				if !is('+') {
					if !is('-') {
						return time.Time{}, false
					}
					sign = -1
				}
				h, lh := num(2)
				m, lm := 0, 2
				if lh > 0 && is(':') {
					m, lm = num(2)
				}
				if lh == 0 || lm != 2 || i < len(k) || h > 14 || m > 59 {
					return time.Time{}, false
				}
				off = sign * (h*60 + m)
			}
			zone = time.FixedZone("", off*60)
		}
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(y, mo, d, hour, minute, sec, 0, zone), true
}

func checkDate(y, m, d int) (int, time.Month, int, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return 0, 0, 0, false
	}
	if d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, 0, 0, false
	}
	return y, time.Month(m), d, true
}

// serial reads an Excel date serial number (days since 1900, the fraction
// being the time of day), as an XLSX stores dates and as a CSV shows a
// date column left in the « Standard » format. Only serials of plausible
// registration dates (1970 to 2199) are taken, so that a year or a count
// is not mistaken for one.
func serial(v string, date1904 bool, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if !reSerial.MatchString(v) {
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || f < 25569 || f > 109574 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return time.Time{}, false
	}
	t = t.Round(time.Second)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), true
}

func plausible(t time.Time) bool { return t.Year() >= 1900 && t.Year() <= 2200 }
