package callreport

import (
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	day, _, loc := session(t)
	tests := []struct {
		in      string
		o       order
		want    string // 2006-01-02 15:04:05 in loc; "" when unreadable
		hasDate bool
	}{
		{"11/04/2026 06:28:15 PM", monthFirst, "2026-11-04 18:28:15", true},
		{"04/11/2026 18:28:15", dayFirst, "2026-11-04 18:28:15", true},
		{"2026-11-04 18:28:15", dayFirst, "2026-11-04 18:28:15", true},
		{"11/04/2026 18:28", monthFirst, "2026-11-04 18:28:00", true},
		{"2026-11-04T23:28:15Z", monthFirst, "2026-11-04 18:28:15", true},
		{"2026-11-04T18:28:15-05:00", monthFirst, "2026-11-04 18:28:15", true},
		{"2026-11-04T18:28:15.250", monthFirst, "2026-11-04 18:28:15", true},
		{"15/11/22, 09:30:47", dayFirst, "2022-11-15 09:30:47", true},
		{"11/4/26, 6:27:12 PM", monthFirst, "2026-11-04 18:27:12", true},
		{"Nov 4, 2026 6:28 PM", monthFirst, "2026-11-04 18:28:00", true},
		{"4 nov. 2026 à 18 h 28", dayFirst, "2026-11-04 18:28:00", true},
		{"6:28 PM", monthFirst, "2026-11-04 18:28:00", false},
		{"6:28\u202fp.m.", monthFirst, "2026-11-04 18:28:00", false},
		{"6:28PM", monthFirst, "2026-11-04 18:28:00", false},
		{"12:05 AM", monthFirst, "2026-11-04 00:05:00", false},
		{"12:05 PM", monthFirst, "2026-11-04 12:05:00", false},
		{"18:28", monthFirst, "2026-11-04 18:28:00", false},
		{"18:28:15", monthFirst, "2026-11-04 18:28:15", false},
		{"18 h 28", dayFirst, "2026-11-04 18:28:00", false},
		{"18h", dayFirst, "2026-11-04 18:00:00", false},
		{"6:28 PM GMT-5", monthFirst, "2026-11-04 18:28:00", false},
		{"11:28 PM UTC", monthFirst, "2026-11-04 18:28:00", false},
		{"6:28 PM EST", monthFirst, "2026-11-04 18:28:00", false},
		{"13/04/2026 18:00", monthFirst, "", false}, // no 13th month
		{"31/02/2026 18:00", dayFirst, "", false},
		{"25:61", monthFirst, "", false},
		{"13:00 AM", monthFirst, "", false},
		{"hier soir", monthFirst, "", false},
		{"", monthFirst, "", false},
		{"18", monthFirst, "", false},
		{"04/11/2026", dayFirst, "", false}, // a date is not a time
	}
	for _, tt := range tests {
		got, hasDate, ok := parseWhen(tt.in, tt.o, day, loc)
		s := ""
		if ok {
			s = got.In(loc).Format("2006-01-02 15:04:05")
		}
		if s != tt.want || (ok && hasDate != tt.hasDate) {
			t.Errorf("parseWhen(%q) = %q, %v; want %q, %v", tt.in, s, hasDate, tt.want, tt.hasDate)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"62", 62 * time.Minute, true},
		{"62,5", 62*time.Minute + 30*time.Second, true},
		{"1h 23m 5s", time.Hour + 23*time.Minute + 5*time.Second, true},
		{"10m 59s", 10*time.Minute + 59*time.Second, true},
		{"30s", 30 * time.Second, true},
		{"01:23:05", time.Hour + 23*time.Minute + 5*time.Second, true},
		{"1:23", time.Hour + 23*time.Minute, true},
		{"83 min", 83 * time.Minute, true},
		{"2 hr 31 min", 2*time.Hour + 31*time.Minute, true},
		{"1 h 30", 90 * time.Minute, true},
		{"1\u00a0h\u00a030", 90 * time.Minute, true},
		{"2 heures 5 minutes", 2*time.Hour + 5*time.Minute, true},
		{"", 0, false},
		{"beaucoup", 0, false},
		{"5 jours", 0, false},
		{"99999999", 0, false},
		{"99999 h", 0, false},
		{"-5", 0, false},
		{"1:2:3:4", 0, false},
		{"15", 15 * time.Minute, true},
	}
	for _, tt := range tests {
		got, ok := parseDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDateOrder(t *testing.T) {
	nov4 := time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)
	rows := func(joins ...string) []row {
		var out []row
		for _, j := range joins {
			out = append(out, row{join: j})
		}
		return out
	}
	tests := []struct {
		name   string
		rows   []row
		french bool
		day    time.Time
		want   order
	}{
		{"a first field above 12", rows("04/11/2026 18:00", "13/11/2026 18:00"), false, nov4, dayFirst},
		{"a second field above 12", rows("11/04/2026 18:00", "11/13/2026 18:00"), true, nov4, monthFirst},
		{"ambiguous, the session's day decides: 4 November", rows("04/11/2026 18:00"), false, nov4, dayFirst},
		{"ambiguous, the session's day decides: November 4", rows("11/04/2026 18:00"), true, nov4, monthFirst},
		{"ambiguous everywhere, French headers", rows("05/06/2026 18:00"), true, nov4, dayFirst},
		{"ambiguous everywhere, English headers", rows("05/06/2026 18:00"), false, nov4, monthFirst},
		{"year first says nothing", rows("2026-11-04 18:00"), true, nov4, dayFirst},
	}
	for _, tt := range tests {
		if got := dateOrder(tt.rows, tt.french, tt.day); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMergeIntervals(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 4, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		in      []Interval
		want    int // intervals after merging
		minutes int
	}{
		{"overlap", []Interval{{at(18, 40), at(19, 15)}, {at(19, 10), at(21, 0)}}, 1, 140},
		{"contained", []Interval{{at(18, 30), at(21, 0)}, {at(19, 0), at(19, 30)}}, 1, 150},
		{"touching", []Interval{{at(18, 30), at(19, 0)}, {at(19, 0), at(19, 30)}}, 1, 60},
		{"gap, out of order", []Interval{{at(19, 30), at(21, 0)}, {at(18, 30), at(19, 20)}}, 2, 140},
	}
	for _, tt := range tests {
		got := mergeIntervals(tt.in)
		if len(got) != tt.want || roundMinutes(span(got)) != tt.minutes {
			t.Errorf("%s: got %v (%d min), want %d intervals, %d min", tt.name, got, roundMinutes(span(got)), tt.want, tt.minutes)
		}
	}
}
