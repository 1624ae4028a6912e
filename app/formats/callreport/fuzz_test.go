package callreport

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse anything: it must not panic, and what it returns
// must hold together.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"Full Name\tUser Action\tTimestamp\nA\tJoined\t6:00 PM\nA\tLeft\t5:00 PM\n",
		"Name,Join Time,Leave Time,Duration\nA,23:59,00:01,\nB,\"18:00,19:00\n",
		"First name;Last name;Time joined;Duration\n;;6:28 PM;1 h 30\nX;;25:00;zz\n",
		"\xff\xfeN\x00a\x00m\x00e\x00",
		"Name,Email,Join Time\n\"",
	} {
		f.Add([]byte(s))
	}
	day, start, loc := session(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := Parse(bytes.NewReader(b), day, loc)
		if err != nil {
			if rep != nil {
				t.Fatal("a report and an error")
			}
			return
		}
		for i, a := range rep.Attendees {
			if len(a.Intervals) == 0 || !a.FirstJoin.Equal(a.Intervals[0].Join) || a.Minutes < 0 || a.Connections < 1 {
				t.Fatalf("attendee %+v", a)
			}
			if i > 0 && a.FirstJoin.Before(rep.Attendees[i-1].FirstJoin) {
				t.Fatal("attendees out of order")
			}
			for j, iv := range a.Intervals {
				if iv.Leave.Before(iv.Join) || (j > 0 && !iv.Join.After(a.Intervals[j-1].Leave)) {
					t.Fatalf("intervals %v", a.Intervals)
				}
			}
		}
		res := MatchRoster(rep, roster, Options{SessionID: 1, Start: start, Team: []string{"Awa Diallo", "Salle Atelier"}})
		if len(res.Matched)+len(res.Unmatched)+len(res.Team) > len(rep.Attendees) {
			t.Fatal("more matches than attendees")
		}
		for _, m := range res.Matched {
			if err := m.Mark.Validate(); err != nil {
				t.Fatalf("mark %+v: %v", m.Mark, err)
			}
		}
	})
}
