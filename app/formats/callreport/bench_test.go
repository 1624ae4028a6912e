package callreport

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

// BenchmarkParseMatch reads a 1,000-row Zoom report (900 people, a hundred
// of them reconnecting) and matches it against a 10,000-person roster.
func BenchmarkParseMatch(b *testing.B) {
	day, start, loc := session(b)
	var buf bytes.Buffer
	buf.WriteString("\ufeffMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n")
	buf.WriteString("876 5432 1098,Formation,11/04/2026 06:25:02 PM,11/04/2026 09:02:40 PM,animation@exemple.qc.ca,158,900\r\n\r\n")
	buf.WriteString("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room\r\n")
	clock := func(m int) string {
		t := start.Add(time.Duration(m) * time.Minute)
		return t.In(loc).Format("01/02/2006 03:04:05 PM")
	}
	for i := range 1000 {
		p := i % 900
		join, leave := p%40, 150
		if i >= 900 {
			join, leave = 100, 150 // the reconnection
		} else if p < 100 {
			leave = 90
		}
		email := fmt.Sprintf("personne%d@exemple.org", p)
		name := fmt.Sprintf("Élodie Bérubé-%d", p)
		if p%3 == 0 {
			email, name = "", fmt.Sprintf("elodie berube %d", p) // a guest, typed without accents
		}
		fmt.Fprintf(&buf, "%s,%s,%s,%s,%d,No,,No\r\n", name, email, clock(join), clock(leave), leave-join)
	}
	people := make([]participants.Participant, 10000)
	for i := range people {
		people[i] = participants.Participant{ID: int64(i + 1), Name: fmt.Sprintf("Élodie Bérubé-%d", i),
			Email: fmt.Sprintf("personne%d@exemple.org", i), Status: participants.Confirme}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Parse(bytes.NewReader(data), day, loc)
		if err != nil {
			b.Fatal(err)
		}
		res := MatchRoster(rep, people, Options{Start: start})
		if len(res.Matched) != 900 || len(res.Unmatched) != 0 {
			b.Fatalf("%d matched, %d unmatched", len(res.Matched), len(res.Unmatched))
		}
	}
}
