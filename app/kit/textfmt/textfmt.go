// Package textfmt writes dates, times, durations and numbers the way a
// reader expects them: in French following the OQLF (« mercredi 4 novembre
// 2026 », « 18 h 30 », « 1 h 30 », « 85 % ») or in English.
package textfmt

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NBSP is the non-breaking space French typography puts before « : », « % »,
// around « h » and inside guillemets.
const NBSP = "\u00a0"

// Lang selects the conventions; anything but "en" is French.
type Lang string

// The two languages of the interface.
const (
	French  Lang = "fr"
	English Lang = "en"
)

var (
	frDays      = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frShortDays = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
	frMonths    = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre"}
	frShortMonths = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.",
		"août", "sept.", "oct.", "nov.", "déc."}
)

// LongDate is « mercredi 4 novembre 2026 » (French) or "Wednesday, November 4, 2026".
func (l Lang) LongDate(t time.Time) string {
	if l == English {
		return t.Format("Monday, January 2, 2006")
	}
	return fmt.Sprintf("%s %s %s %d", frDays[t.Weekday()], dayNumber(t.Day()), frMonths[t.Month()-1], t.Year())
}

// Date is « 4 novembre 2026 » or "November 4, 2026".
func (l Lang) Date(t time.Time) string {
	if l == English {
		return t.Format("January 2, 2006")
	}
	return fmt.Sprintf("%s %s %d", dayNumber(t.Day()), frMonths[t.Month()-1], t.Year())
}

// ShortDate is « 4 nov. 2026 » or "Nov 4, 2026".
func (l Lang) ShortDate(t time.Time) string {
	if l == English {
		return t.Format("Jan 2, 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), frShortMonths[t.Month()-1], t.Year())
}

// MediumDate is « mer. 9 déc. 2026 » or "Wed, Dec 9, 2026".
func (l Lang) MediumDate(t time.Time) string {
	if l == English {
		return t.Format("Mon, Jan 2, 2006")
	}
	return fmt.Sprintf("%s %s", frShortDays[t.Weekday()], l.ShortDate(t))
}

// dayNumber writes the first of the month as « 1er », as French does.
func dayNumber(d int) string {
	if d == 1 {
		return "1er"
	}
	return strconv.Itoa(d)
}

// Clock is « 18 h 30 », « 9 h » (French, 24-hour) or "18:30".
func (l Lang) Clock(t time.Time) string {
	if l == English {
		return t.Format("15:04")
	}
	if t.Minute() == 0 {
		return fmt.Sprintf("%d%sh", t.Hour(), NBSP)
	}
	return fmt.Sprintf("%d%sh%s%02d", t.Hour(), NBSP, NBSP, t.Minute())
}

// Minutes is a duration in minutes: « 45 min », « 1 h 30 », « 2 h » in
// French; "45 min", "1 hr 30 min", "2 hr" in English, where « 1 h 30 »
// reads as French.
func (l Lang) Minutes(m int) string {
	sign := ""
	if m < 0 {
		sign, m = "−", -m
	}
	h, min := m/60, m%60
	if l == English {
		switch {
		case h == 0:
			return fmt.Sprintf("%s%d min", sign, min)
		case min == 0:
			return fmt.Sprintf("%s%d hr", sign, h)
		}
		return fmt.Sprintf("%s%d hr %d min", sign, h, min)
	}
	switch {
	case h == 0:
		return fmt.Sprintf("%s%d%smin", sign, min, NBSP)
	case min == 0:
		return fmt.Sprintf("%s%d%sh", sign, h, NBSP)
	}
	return fmt.Sprintf("%s%d%sh%s%02d", sign, h, NBSP, NBSP, min)
}

// Int groups thousands: « 10 000 » (French, with a narrow no-break space as
// the OQLF allows, here a plain no-break space) or "10,000".
func (l Lang) Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := NBSP
	if l == English {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Count is a number and its noun agreed with it: « 0 personne »,
// « 1 personne », « 10 000 personnes » (French takes the singular below 2),
// "0 sessions", "1 session", "10,000 sessions" in English.
// one and many are the noun in the singular and the plural.
func (l Lang) Count(n int, one, many string) string {
	if l.Singular(n) {
		return l.Int(n) + " " + one
	}
	return l.Int(n) + " " + many
}

// Singular tells whether n takes the singular: below 2 in French (« 0
// personne »), only 1 in English ("0 sessions").
func (l Lang) Singular(n int) bool {
	if l == English {
		return n == 1 || n == -1
	}
	return n > -2 && n < 2
}

// Percent is « 85 % » or "85%", rounded to the unit.
func (l Lang) Percent(ratio float64) string {
	p := int(ratio*100 + 0.5)
	if l == English {
		return fmt.Sprintf("%d%%", p)
	}
	return fmt.Sprintf("%d%s%%", p, NBSP)
}

// Colon is what goes between a label and its value: « Courriel : » with a
// no-break space before the colon in French, "Email: " in English.
func (l Lang) Colon() string {
	if l == English {
		return ": "
	}
	return NBSP + ": "
}

// List joins items the way the language does: « A, B et C », "A, B and C";
// empty items are left out.
func (l Lang) List(items []string) string {
	var kept []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) <= 1 {
		return strings.Join(kept, "")
	}
	and := " et "
	if l == English {
		and = " and "
	}
	return strings.Join(kept[:len(kept)-1], ", ") + and + kept[len(kept)-1]
}

// Quote puts a title or a name in the language's quotation marks:
// « x » in French, with no-break spaces inside, “x” in English.
func (l Lang) Quote(s string) string {
	if l == English {
		return "“" + s + "”"
	}
	return "«" + NBSP + s + NBSP + "»"
}

// Of is a name after « de » in French, elided before a vowel or a mute h
// (« de Marc », « d’Hélène », « d’Yves », « de Yannick »), "of Marc" in
// English. The French templates write « Présences {{.Of}} » so that the
// elision, which depends on the name, is made here once.
func (l Lang) Of(name string) string {
	if l == English {
		return "of " + name
	}
	if elides(name) {
		return "d’" + name
	}
	return "de " + name
}

// elides tells whether « de » becomes « d’ » before word: before a vowel,
// before an h followed by a vowel (first names take the mute h: Hélène,
// Hugo), before a y that is a vowel (Yves, not Yannick).
func elides(word string) bool {
	rs := []rune(strings.ToLower(word))
	if len(rs) == 0 {
		return false
	}
	vowel := func(i int) bool {
		return i < len(rs) && strings.ContainsRune("aàâäeéèêëiîïoôöuùûüœæ", rs[i])
	}
	switch {
	case vowel(0):
		return true
	case rs[0] == 'h':
		return vowel(1)
	case rs[0] == 'y':
		return len(rs) > 1 && !vowel(1)
	}
	return false
}
