package live

import (
	"strconv"
	"time"

	"atelier/app/kit/textfmt"
)

// FormatCountdown writes time left as « 12:05 » (« 1:02:05 » past an hour)
// and an overrun as « −01:30 », with a true minus sign. Seconds round up,
// so that the display reads 00:00 exactly when the time is up.
func FormatCountdown(d time.Duration) string {
	secs := int64(d / time.Second)
	if d%time.Second > 0 {
		secs++
	}
	var b []byte
	if secs < 0 {
		b = append(b, "−"...)
		secs = -secs
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		b = strconv.AppendInt(b, h, 10)
		b = append(b, ':')
	}
	b = append(b, byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
	return string(b)
}

// DriftText says where the session stands against its plan, to the
// nearest minute: « 3 min de retard », « 2 min d’avance », « à l’heure ».
func DriftText(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m > 0:
		return textfmt.French.Minutes(m) + " de retard"
	case m < 0:
		return textfmt.French.Minutes(-m) + " d’avance"
	}
	return "à l’heure"
}

// EndText says when the session will end against what was announced:
// « fin prévue 20 h 04, 4 min après l’horaire », « … à l’heure prévue »,
// « … 3 min avant l’horaire ». The time is read in loc.
func EndText(v View, loc *time.Location) string {
	end := "fin prévue " + textfmt.French.Clock(v.ProjectedEnd.In(loc))
	m := int(v.Late().Round(time.Minute) / time.Minute)
	switch {
	case m > 0:
		return end + ", " + textfmt.French.Minutes(m) + " après l’horaire"
	case m < 0:
		return end + ", " + textfmt.French.Minutes(-m) + " avant l’horaire"
	}
	return end + ", à l’heure prévue"
}
