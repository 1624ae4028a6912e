package callreport

import (
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// roster is the cohort of the fixtures. Awa does not come; Hélène registered
// with an address she does not use on Zoom; Thi gave none.
var roster = []participants.Participant{
	{ID: 1, Name: "Karim Benali", Email: "Karim.Benali@exemple.org", Status: participants.Confirme},
	{ID: 2, Name: "Marie-Ève Gagnon", Email: "megagnon@exemple.org", Status: participants.Confirme},
	{ID: 3, Name: "Hélène Tremblay", Email: "helene.t@courriel.ca", Status: participants.Confirme},
	{ID: 4, Name: "Joséphine Roy", Email: "jo.roy@exemple.net", Status: participants.Inscrit},
	{ID: 5, Name: "Thi Nguyen", Status: participants.Inscrit},
	{ID: 6, Name: "Awa Diallo", Email: "awa.diallo@exemple.org", Status: participants.Confirme},
}

// marked is what a test checks of a match.
type marked struct {
	id      int64
	by      string
	mark    participants.Mark
	minutes int
	note    string
}

func TestMatchRosterFixtures(t *testing.T) {
	_, start, _ := session(t)
	tests := []struct {
		file      string
		want      []marked
		unmatched []string
	}{
		{"zoom_participants.csv", []marked{
			{1, ByEmail, participants.Present, 154, "Arrivée à 18\u00a0h\u00a025"},
			{4, ByEmail, participants.Present, 149, "Arrivée à 18\u00a0h\u00a031"},
			{5, ByName, participants.Present, 145, "Arrivée à 18\u00a0h\u00a035"},
			// exactly ten minutes after the start: still présente
			{2, ByEmail, participants.Present, 140, "Arrivée à 18\u00a0h\u00a040, 2 connexions"},
			// « helene tremblay », no address, eleven minutes late
			{3, ByName, participants.Retard, 139, "Arrivée à 18\u00a0h\u00a041"},
		}, []string{"Téléphone 514-555-0199"}},
		{"zoom_participants_fr.csv", []marked{
			{1, ByEmail, participants.Present, 154, "Arrivée à 18\u00a0h\u00a025"},
			{4, ByEmail, participants.Present, 149, "Arrivée à 18\u00a0h\u00a031"},
			{5, ByName, participants.Present, 145, "Arrivée à 18\u00a0h\u00a035"},
			{2, ByEmail, participants.Present, 140, "Arrivée à 18\u00a0h\u00a040, 2 connexions"},
			{3, ByName, participants.Retard, 139, "Arrivée à 18\u00a0h\u00a041"},
		}, []string{"Téléphone 514-555-0199"}},
		{"teams_attendance.csv", []marked{
			{1, ByEmail, participants.Present, 141, "Arrivée à 18\u00a0h\u00a029, 2 connexions"},
			// her Teams address is an alias: found by name
			{4, ByName, participants.Present, 147, "Arrivée à 18\u00a0h\u00a033"},
			// « Tremblay, Hélène (Guest) »
			{3, ByName, participants.Retard, 133, "Arrivée à 18\u00a0h\u00a045"},
		}, nil},
		{"meet_attendance.csv", []marked{
			{1, ByEmail, participants.Present, 151, "Arrivée à 18\u00a0h\u00a029"},
			{4, ByEmail, participants.Present, 110, "Arrivée à 18\u00a0h\u00a031"},
			{3, ByName, participants.Retard, 135, "Arrivée à 18\u00a0h\u00a045"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := MatchRoster(parseFile(t, tt.file), roster, Options{SessionID: 77, Start: start})
			var got []marked
			for _, m := range res.Matched {
				if m.Mark.ParticipantID != m.Participant.ID || m.Mark.SessionID != 77 {
					t.Errorf("mark %+v for participant %d", m.Mark, m.Participant.ID)
				}
				if err := m.Mark.Validate(); err != nil {
					t.Errorf("invalid mark %+v: %v", m.Mark, err)
				}
				got = append(got, marked{m.Participant.ID, m.By, m.Mark.Mark, m.Mark.Minutes, m.Mark.Note})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("matched:\n got %v\nwant %v", got, tt.want)
			}
			var names []string
			for _, a := range res.Unmatched {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, tt.unmatched) {
				t.Errorf("unmatched %q, want %q", names, tt.unmatched)
			}
			if len(res.Marks()) != len(tt.want) {
				t.Errorf("Marks() has %d marks", len(res.Marks()))
			}
		})
	}
}

func TestLinkThreshold(t *testing.T) {
	_, start, loc := session(t)
	tests := []struct {
		name  string
		late  time.Duration // after the start
		after time.Duration // Options.LateAfter
		start time.Time
		want  participants.Mark
	}{
		{"early", -5 * time.Minute, 0, start, participants.Present},
		{"9 min 59 s", 9*time.Minute + 59*time.Second, 0, start, participants.Present},
		{"exactly 10 min", 10 * time.Minute, 0, start, participants.Present},
		{"10 min 1 s", 10*time.Minute + time.Second, 0, start, participants.Retard},
		{"threshold set to 5 min, 6 min late", 6 * time.Minute, 5 * time.Minute, start, participants.Retard},
		{"threshold set to 15 min, 12 min late", 12 * time.Minute, 15 * time.Minute, start, participants.Present},
		{"negative threshold: on the dot", 0, -time.Minute, start, participants.Present},
		{"negative threshold: a second late", time.Second, -time.Minute, start, participants.Retard},
		{"no start: cannot be late", time.Hour, 0, time.Time{}, participants.Present},
	}
	for _, tt := range tests {
		first := start.Add(tt.late)
		a := Attendee{Name: "Awa Diallo", FirstJoin: first, Intervals: []Interval{{first, first.Add(time.Hour)}}, Minutes: 60, Connections: 1}
		got := Link(a, roster[5], Options{SessionID: 3, Start: tt.start, LateAfter: tt.after})
		if got.Mark != tt.want || got.ParticipantID != 6 || got.SessionID != 3 || got.Minutes != 60 {
			t.Errorf("%s: got %+v, want %s", tt.name, got, tt.want)
		}
	}
	a := Attendee{FirstJoin: time.Date(2026, 11, 4, 23, 47, 0, 0, time.UTC), Connections: 3, Minutes: 2000}
	got := Link(a, roster[5], Options{Start: start})
	if want := "Arrivée à 18\u00a0h\u00a047, 3 connexions"; got.Note != want || got.Minutes != 24*60 {
		t.Errorf("got %q, %d min; want %q in %s, capped minutes", got.Note, got.Minutes, want, loc)
	}
}

func TestMatchRosterCases(t *testing.T) {
	_, start, _ := session(t)
	at := func(m int) time.Time { return start.Add(time.Duration(m) * time.Minute) }
	att := func(name, email string, from, to int) Attendee {
		return Attendee{Name: name, Email: email, FirstJoin: at(from), Intervals: []Interval{{at(from), at(to)}},
			Minutes: to - from, Connections: 1}
	}
	twins := []participants.Participant{
		{ID: 10, Name: "Alex Martin", Email: "alex.m@exemple.org"},
		{ID: 11, Name: "Alex Martin", Email: "amartin@exemple.org"},
		{ID: 12, Name: "Dominique Côté", Email: "famille.cote@exemple.org"},
		{ID: 13, Name: "Sacha Côté", Email: "Famille.Cote@exemple.org"},
		{ID: 14, Name: "Lou D’Amours-Paré", Email: ""},
	}
	tests := []struct {
		name      string
		attendees []Attendee
		want      map[int64]string // participant → By
		minutes   map[int64]int
		unmatched int
	}{
		{"a name two people share matches nobody", []Attendee{att("alex martin", "", 0, 60)}, map[int64]string{}, nil, 1},
		{"the address tells twins apart", []Attendee{att("Alex Martin", "AMartin@exemple.org", 0, 60)}, map[int64]string{11: ByEmail}, nil, 0},
		{"a shared address: the name decides", []Attendee{att("Sacha Cote", "famille.cote@exemple.org", 0, 60)}, map[int64]string{13: ByEmail}, nil, 0},
		{"a shared address and an unknown name", []Attendee{att("Tablette", "famille.cote@exemple.org", 0, 60)}, map[int64]string{}, nil, 1},
		{"apostrophe, hyphen and accents aside", []Attendee{att("lou d'amours pare", "", 0, 60)}, map[int64]string{14: ByName}, nil, 0},
		{"Zoom's original name", []Attendee{att("iPad (Lou D'Amours-Paré)", "", 0, 60)}, map[int64]string{14: ByName}, nil, 0},
		{"two devices, one person: merged, overlap counted once", []Attendee{
			att("Sacha (Sacha Côté)", "", 0, 90),
			att("Sacha Côté", "famille.cote@exemple.org", 60, 120),
		}, map[int64]string{13: ByEmail}, map[int64]int{13: 120}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := MatchRoster(&Report{Attendees: tt.attendees}, twins, Options{Start: start})
			got := map[int64]string{}
			for _, m := range res.Matched {
				got[m.Participant.ID] = m.By
				if want, ok := tt.minutes[m.Participant.ID]; ok && m.Mark.Minutes != want {
					t.Errorf("%d: %d min, want %d", m.Participant.ID, m.Mark.Minutes, want)
				}
			}
			if len(got) != len(tt.want) || len(res.Unmatched) != tt.unmatched {
				t.Fatalf("matched %v, %d unmatched; want %v, %d", got, len(res.Unmatched), tt.want, tt.unmatched)
			}
			for id, by := range tt.want {
				if got[id] != by {
					t.Errorf("%d matched by %q, want %q", id, got[id], by)
				}
			}
		})
	}
	if res := MatchRoster(nil, twins, Options{}); len(res.Matched)+len(res.Unmatched) != 0 {
		t.Error("nil report")
	}
}

func TestMergeAttendees(t *testing.T) {
	_, start, _ := session(t)
	at := func(m int) time.Time { return start.Add(time.Duration(m) * time.Minute) }
	a := Attendee{Name: "Sacha", FirstJoin: at(5), Intervals: []Interval{{at(5), at(60)}}, Minutes: 55, Connections: 1, Lines: []int{9}}
	b := Attendee{Name: "Sacha Côté", Email: "s@exemple.org", FirstJoin: at(-2), Intervals: []Interval{{at(-2), at(10)}, {at(70), at(80)}},
		Minutes: 22, Connections: 2, Lines: []int{4, 12}}
	m := mergeAttendees(a, b)
	if m.Name != "Sacha" || m.Email != "s@exemple.org" || !m.FirstJoin.Equal(at(-2)) || len(m.Intervals) != 2 ||
		m.Minutes != 72 || m.Connections != 3 || !slices.Equal(m.Lines, []int{4, 9, 12}) {
		t.Errorf("got %+v", m)
	}
}

func TestNameKeys(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hélène Tremblay", []string{"helene tremblay"}},
		{"Tremblay, Hélène", []string{"tremblay helene", "helene tremblay"}},
		{"Tablette de Jo (Joséphine Roy)", []string{"tablette de jo (josephine roy)", "tablette de jo", "josephine roy"}},
		{"Tremblay, Hélène (Guest)", []string{"tremblay helene (guest)", "tremblay helene", "helene tremblay"}},
		{"Karim Benali (Invité)", []string{"karim benali (invite)", "karim benali"}},
		{"Marie-Ève  O’Neil", []string{"marie eve o neil"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := nameKeys(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("nameKeys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := rosterKeys("Alex Martin (iel)"); !slices.Equal(got, []string{"alex martin (iel)", "alex martin"}) {
		t.Errorf("rosterKeys = %q", got)
	}
	if strings.Contains(nameKey("Œuvre"), "œ") {
		t.Error("ligature kept")
	}
}

func TestAttach(t *testing.T) {
	_, start, _ := session(t)
	opt := Options{SessionID: 5, Start: start}
	res := MatchRoster(parseFile(t, "zoom_participants.csv"), roster, opt)
	// « Téléphone 514-555-0199 » is Karim calling in from 18 h 52 to 19 h 30,
	// while his computer is connected: one mark, 3 connections counted once.
	i := slices.IndexFunc(res.Unmatched, func(a Attendee) bool { return strings.HasPrefix(a.Name, "Téléphone") })
	if !res.Attach(i, roster[0], opt) {
		t.Fatal("Attach refused")
	}
	if res.Attach(len(res.Unmatched), roster[0], opt) || res.Attach(-1, roster[0], opt) {
		t.Error("out of range accepted")
	}
	var karim []Match
	for _, m := range res.Matched {
		if m.Participant.ID == 1 {
			karim = append(karim, m)
		}
	}
	if len(karim) != 1 || karim[0].Mark.Minutes != 154 || karim[0].Mark.Note != "Arrivée à 18\u00a0h\u00a025, 2 connexions" ||
		karim[0].By != ByEmail || len(res.Unmatched) != 0 {
		t.Errorf("got %+v, unmatched %v", karim, res.Unmatched)
	}
	// Awa had no match: she is added, linked by hand, and late.
	res.Unmatched = append(res.Unmatched, Attendee{Name: "A. D.", FirstJoin: start.Add(20 * time.Minute),
		Intervals: []Interval{{start.Add(20 * time.Minute), start.Add(time.Hour)}}, Minutes: 40, Connections: 1})
	res.Attach(0, roster[5], opt)
	last := res.Matched[len(res.Matched)-1]
	if last.Participant.ID != 6 || last.By != ByHand || last.Mark.Mark != participants.Retard || last.Mark.Minutes != 40 {
		t.Errorf("got %+v", last)
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("é", 60)
	if got := quote(long).In(textfmt.French); got != "«\u00a0"+strings.Repeat("é", 39)+"…\u00a0»" {
		t.Errorf("quote = %q", got)
	}
	if got := quote(long).In(textfmt.English); got != "“"+strings.Repeat("é", 39)+"…”" {
		t.Errorf("English quote = %q", got)
	}
}
