package registration

import (
	"strings"
	"testing"
	"time"

	"atelier/app/kit/fold"
)

func TestParseTime(t *testing.T) {
	at := func(y int, mo time.Month, d, h, mi, s int, loc *time.Location) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, loc)
	}
	utc5 := time.FixedZone("", -5*3600)
	tests := []struct {
		in       string
		raw      string
		dayFirst bool
		want     time.Time // zero: not understood
	}{
		{"2026-11-04 18:31:05", "", false, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"2026-11-04 18:31", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"2026-11-04", "", true, at(2026, 11, 4, 0, 0, 0, montreal)},
		{"2026-11-04T18:31:05Z", "", false, at(2026, 11, 4, 18, 31, 5, time.UTC)},
		{"2026-11-04T18:31:05.123-05:00", "", false, time.Date(2026, 11, 4, 18, 31, 5, 123e6, utc5)},
		{"2026-11-04T18:31:05", "", false, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"2026-11-04 18:31:05 -0500", "", false, at(2026, 11, 4, 18, 31, 5, utc5)},
		{"2026/11/04 6:31:05 PM", "", true, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"2026/11/04 6:31:05 PM UTC−5", "", true, at(2026, 11, 4, 18, 31, 5, utc5)},
		{"2026/11/04 6:31:05 p.m. HNE", "", true, at(2026, 11, 4, 18, 31, 5, utc5)},
		{"2026/11/04 12:05:00 AM GMT-5", "", true, at(2026, 11, 4, 0, 5, 0, utc5)},
		{"2026/11/04 12:05:00 PM GMT+1", "", true, at(2026, 11, 4, 12, 5, 0, time.FixedZone("", 3600))},
		{"11/4/2026 18:31:05", "", false, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"11/4/2026 6:31 PM", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"04/11/2026 18:31:05", "", true, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"04/11/2026 18:31:05", "", false, at(2026, 4, 11, 18, 31, 5, montreal)},
		{"13/11/2026 09:05", "", false, at(2026, 11, 13, 9, 5, 0, montreal)},
		{"11/13/2026 09:05", "", true, at(2026, 11, 13, 9, 5, 0, montreal)},
		{"04.11.2026 18:31", "", true, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"4/11/26 18:31", "", true, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"4 nov. 2026 18 h 31", "", true, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"4 nov. 2026 18\u00a0h\u00a031", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"4 novembre 2026 à 18h", "", true, at(2026, 11, 4, 18, 0, 0, montreal)},
		{"mercredi 4 novembre 2026 18 h 31", "", true, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"mer. 4 nov. 2026", "", true, at(2026, 11, 4, 0, 0, 0, montreal)},
		{"1er août 2026 9 h 05", "", true, at(2026, 8, 1, 9, 5, 0, montreal)},
		{"4 FÉVR. 2026", "", true, at(2026, 2, 4, 0, 0, 0, montreal)},
		{"Nov 4, 2026 6:31 PM", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"Wednesday, November 4, 2026 at 6:31 PM", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"Mar 4, 2026", "", false, at(2026, 3, 4, 0, 0, 0, montreal)},
		{"04-Nov-2026 18:31", "", false, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"46330.7715856481", "", false, at(2026, 11, 4, 18, 31, 5, montreal)},
		// XLSX: the raw serial wins over the cell as shown.
		{"11/4/26 18:31", "46330.7715856481", true, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"2026-11-04 18:31", "2026-11-04 18:31", true, at(2026, 11, 4, 18, 31, 0, montreal)},

		{"2026/11/04 6:31:05 pm GMT+05:30", "", true, at(2026, 11, 4, 18, 31, 5, time.FixedZone("", 5*3600+1800))},
		{"2026/11/04 6:31:05 pm UTC", "", true, at(2026, 11, 4, 18, 31, 5, time.UTC)},
		{"2026-11-04 18:31:05,123", "", true, time.Date(2026, 11, 4, 18, 31, 5, 123e6, montreal)},
		{"2026/11/04 18:31:05,123", "", true, at(2026, 11, 4, 18, 31, 5, montreal)},
		{"2026-11-04t18:31", "", true, at(2026, 11, 4, 18, 31, 0, montreal)},
		{"4/11/26", "", true, at(2026, 11, 4, 0, 0, 0, montreal)},

		{"", "", true, time.Time{}},
		{"\u0301", "", true, time.Time{}},
		{"2026-11-04 18:31 GMT", "", true, at(2026, 11, 4, 18, 31, 0, time.UTC)},
		{"2026-11-04 18:31 GMT-5:7", "", true, time.Time{}},
		{"2026-11-04 0:31 PM", "", true, time.Time{}},
		{"2026-11-04 18:3", "", true, time.Time{}},
		{"hier soir", "", true, time.Time{}},
		{"sometime last week", "", false, time.Time{}},
		{"2026", "", true, time.Time{}},
		{"12", "", true, time.Time{}},
		{"31/02/2026", "", true, time.Time{}},
		{"2026-13-01", "", true, time.Time{}},
		{"2026-11-04 25:00", "", true, time.Time{}},
		{"2026-11-04 13:00 PM", "", true, time.Time{}},
		{"4 brumaire 2026", "", true, time.Time{}},
		{"00/00/0000", "", true, time.Time{}},
		{"1/2/3", "", true, time.Time{}},
		{"2026-11-04 18:31 UTC+99", "", true, time.Time{}},
		{strings.Repeat("1", 200), "", true, time.Time{}},
	}
	quick := 0
	for _, tt := range tests {
		got, ok := parseTime(tt.in, tt.raw, tt.dayFirst, false, montreal)
		if ok == tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseTime(%q, raw %q, dayFirst %v) = %v, %v; want %v", tt.in, tt.raw, tt.dayFirst, got, ok, tt.want)
		}
		// The fast path must read what the general one reads.
		k := fold.Key(strings.ReplaceAll(tt.in, "−", "-"))
		if qt, ok := quickTime(k, tt.dayFirst, montreal); ok {
			quick++
			if st, ok := slowTime(k, tt.dayFirst, montreal); !ok || !st.Equal(qt) {
				t.Errorf("%q: quickTime %v, slowTime %v, %v", tt.in, qt, st, ok)
			}
		}
	}
	if quick < 15 {
		t.Errorf("quickTime read only %d of the cases", quick)
	}
}

func TestDayFirst(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want time.Month
	}{
		{"English headers read month first", "Name,Timestamp\nA,04/11/2026\n", time.April},
		{"French headers read day first", "Nom,Horodateur\nA,04/11/2026\n", time.November},
		{"semicolons read day first", "Name;Timestamp\nA;04/11/2026\n", time.November},
		{"a day past 12 elsewhere decides", "Name,Timestamp\nA,04/11/2026\nB,25/11/2026\n", time.November},
		{"a month-first value elsewhere decides", "Nom,Horodateur\nA,04/11/2026\nB,11/25/2026\n", time.April},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(strings.NewReader(tt.csv), "x.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Rows[0].Participant.RegisteredAt.Month(); got != tt.want {
				t.Errorf("month %v, want %v", got, tt.want)
			}
		})
	}
}
