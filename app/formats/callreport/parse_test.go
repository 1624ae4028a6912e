package callreport

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"atelier/app/kit/usererr"
)

// seen is what a test checks of an attendee.
type seen struct {
	name, email string
	first       string // first join, 15:04:05 in the session's location
	minutes     int
	conns       int
	intervals   int
	lines       []int
}

func seenOf(a Attendee, loc *time.Location) seen {
	return seen{a.Name, a.Email, a.FirstJoin.In(loc).Format("15:04:05"), a.Minutes, a.Connections, len(a.Intervals), a.Lines}
}

// zoomWant is both Zoom fixtures, English and French: Karim's waiting-room
// row is left out; Marie-Ève reconnects and her two connections overlap
// (18:40–19:15:30 and 19:10–21:00), so 140 minutes and not 36 + 110.
var zoomWant = []seen{
	{"Équipe d'animation", "animation@exemple.qc.ca", "18:25:02", 158, 1, 1, []int{5}},
	{"Karim Benali", "karim.benali@exemple.org", "18:25:10", 154, 1, 1, []int{7}},
	{"Tablette de Jo (Joséphine Roy)", "jo.roy@exemple.net", "18:31:12", 149, 1, 1, []int{8}},
	{"Nguyen, Thi", "", "18:35:00", 145, 1, 1, []int{9}},
	{"Marie-Ève Gagnon", "megagnon@exemple.org", "18:40:00", 140, 2, 1, []int{10, 12}},
	{"helene tremblay", "", "18:41:00", 139, 1, 1, []int{11}},
	{"Téléphone 514-555-0199", "", "18:52:00", 38, 1, 1, []int{13}},
}

func TestParseFixtures(t *testing.T) {
	zoomFR := slices.Clone(zoomWant)
	for i := range zoomFR {
		// the French file has one more row, line 10, before Marie-Ève
		zoomFR[i].lines = slices.Clone(zoomFR[i].lines)
		for j, l := range zoomFR[i].lines {
			if l >= 10 {
				zoomFR[i].lines[j] = l + 1
			}
		}
	}
	tests := []struct {
		file, tool, enc string
		want            []seen
		skipped         []int
	}{
		{"zoom_participants.csv", Zoom, "UTF-8", zoomWant, nil},
		{"zoom_participants_fr.csv", Zoom, "UTF-8", zoomFR, []int{10}},
		{"teams_attendance.csv", Teams, "UTF-16LE", []seen{
			{"Équipe d'animation", "animation@exemple.qc.ca", "18:27:12", 154, 1, 1, []int{18}},
			// two connections with a gap: 50 min 57 s + 90 min, from the
			// activities section, not the 151 min span of « Participants »
			{"Karim Benali", "karim.benali@exemple.org", "18:29:03", 141, 2, 2, []int{19, 21}},
			{"Joséphine Roy", "jroy@exemple.net", "18:33:00", 147, 1, 1, []int{20}},
			{"Tremblay, Hélène (Guest)", "", "18:45:30", 133, 1, 1, []int{22}},
		}, nil},
		{"meet_attendance.csv", Meet, "UTF-8", []seen{
			{"Karim Benali", "karim.benali@exemple.org", "18:29:00", 151, 1, 1, []int{2}},
			// Meet's row spans the gaps; the stated duration does not
			{"Joséphine Roy", "jo.roy@exemple.net", "18:31:00", 110, 1, 1, []int{4}},
			{"Hélène Tremblay", "", "18:45:00", 135, 1, 1, []int{3}},
		}, nil},
	}
	_, _, loc := session(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rep := parseFile(t, tt.file)
			if rep.Tool != tt.tool || rep.Encoding != tt.enc {
				t.Errorf("tool, encoding = %q, %q; want %q, %q", rep.Tool, rep.Encoding, tt.tool, tt.enc)
			}
			var got []seen
			for _, a := range rep.Attendees {
				got = append(got, seenOf(a, loc))
			}
			if !slices.EqualFunc(got, tt.want, func(a, b seen) bool {
				return a.name == b.name && a.email == b.email && a.first == b.first && a.minutes == b.minutes &&
					a.conns == b.conns && a.intervals == b.intervals && slices.Equal(a.lines, b.lines)
			}) {
				t.Errorf("attendees:\n got %v\nwant %v", got, tt.want)
			}
			var lines []int
			for _, p := range rep.Skipped {
				lines = append(lines, p.Line)
			}
			if !slices.Equal(lines, tt.skipped) {
				t.Errorf("skipped lines %v, want %v (%v)", lines, tt.skipped, rep.Skipped)
			}
		})
	}
}

func TestParseBadRowReason(t *testing.T) {
	rep := parseFile(t, "zoom_participants_fr.csv")
	want := "L’heure d’arrivée «\u00a004/11/2026 25:61:00\u00a0» est illisible."
	if len(rep.Skipped) != 1 || rep.Skipped[0].Line != 10 || rep.Skipped[0].Reason.Error() != want {
		t.Errorf("skipped = %v, want line 10: %q", rep.Skipped, want)
	}
}

func TestParseVariants(t *testing.T) {
	day, _, loc := session(t)
	win1252, err := charmap.Windows1252.NewEncoder().String(
		"Nom (nom d'origine);E-mail de l'utilisateur;Heure d'arrivée;Heure de départ;Durée (minutes);Invité\r\n" +
			"Hélène Tremblay;;04/11/2026 18:41:00;04/11/2026 21:00:00;139;Oui\r\n")
	if err != nil {
		t.Fatal(err)
	}
	be, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(
		"Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n" +
			"Karim Benali\t04/11/2026 18:29:03\t04/11/2026 21:00:01\t2h 30m 58s\tkarim.benali@exemple.org\tAttendee\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in        string
		tool, enc       string
		who, first      string
		minutes, conns  int
		skipped         int
		wantIntervalEnd string
	}{
		{"Excel in French: Windows-1252 and semicolons", win1252, Zoom, "Windows-1252", "Hélène Tremblay", "18:41:00", 139, 1, 0, "21:00:00"},
		{"UTF-16BE without a byte-order mark", be, Teams, "UTF-16BE", "Karim Benali", "18:29:03", 151, 1, 0, "21:00:01"},
		{"older Zoom, no summary, leave missing: join + duration",
			"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n" +
				"Awa Diallo,awa@exemple.org,2026-11-04 18:20:00,,45\n", Zoom, "UTF-8", "Awa Diallo", "18:20:00", 45, 1, 0, "19:05:00"},
		{"Teams in French",
			"Nom complet\tHeure de participation\tHeure de départ\tDurée\tAdresse e-mail\tRôle\n" +
				"Karim Benali\t2026-11-04 18:29:03\t2026-11-04 19:00:00\t30 min 57 s\tkarim.benali@exemple.org\tParticipant\n", Teams, "UTF-8", "Karim Benali", "18:29:03", 31, 1, 0, "19:00:00"},
		{"Teams, older: joined and left",
			"Full Name\tUser Action\tTimestamp\n" +
				"Karim Benali\tJoined\t11/4/2026, 6:29:03 PM\n" +
				"Awa Diallo\tJoined before\t11/4/2026, 6:25:00 PM\n" +
				"Karim Benali\tLeft\t11/4/2026, 7:20:00 PM\n" +
				"Karim Benali\tJoined\t11/4/2026, 7:30:00 PM\n" +
				"Karim Benali\tLeft\t11/4/2026, 9:00:00 PM\n" +
				"Karim Benali\tWaved\t11/4/2026, 9:00:00 PM\n", Teams, "UTF-8", "Karim Benali", "18:29:03", 141, 2, 1, "21:00:00"},
		{"ISO times with a zone, read in the cohort's location",
			"Name,Email,Join Time,Leave Time\n" +
				"Awa Diallo,awa@exemple.org,2026-11-04T23:31:00Z,2026-11-05T02:00:00Z\n", Zoom, "UTF-8", "Awa Diallo", "18:31:00", 149, 1, 0, "21:00:00"},
		{"Meet in French with a session past midnight",
			"Prénom,Nom,Adresse e-mail,Durée,Heure d'arrivée,Heure de départ\n" +
				"Awa,Diallo,awa@exemple.org,1 h 30,23 h 30,1 h 00\n", Meet, "UTF-8", "Awa Diallo", "23:30:00", 90, 1, 0, "01:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(tt.in), day, loc)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Tool != tt.tool || rep.Encoding != tt.enc {
				t.Errorf("tool, encoding = %q, %q; want %q, %q", rep.Tool, rep.Encoding, tt.tool, tt.enc)
			}
			if len(rep.Skipped) != tt.skipped {
				t.Errorf("skipped %v, want %d", rep.Skipped, tt.skipped)
			}
			i := slices.IndexFunc(rep.Attendees, func(a Attendee) bool { return a.Name == tt.who })
			if i < 0 {
				t.Fatalf("%s not found in %v", tt.who, rep.Names())
			}
			a := rep.Attendees[i]
			s := seenOf(a, loc)
			end := a.Intervals[len(a.Intervals)-1].Leave.In(loc).Format("15:04:05")
			if s.first != tt.first || s.minutes != tt.minutes || s.conns != tt.conns || end != tt.wantIntervalEnd {
				t.Errorf("got first %s, %d min, %d connections, until %s; want %s, %d, %d, %s",
					s.first, s.minutes, s.conns, end, tt.first, tt.minutes, tt.conns, tt.wantIntervalEnd)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	day, _, loc := session(t)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, in, want string
	}{
		{"garbage", read("garbage.bin"), msgNotReport},
		{"a roster, not a report", read("roster_not_a_report.csv"), msgNotReport},
		{"empty", " \r\n", msgEmpty},
		{"Zoom's unique users: no times",
			"Name (Original Name),User Email,Total Duration (Minutes),Guest\nAwa Diallo,awa@exemple.org,45,No\n", msgNoTimes},
		{"a header and nothing under it", "Name,Email,Join Time,Leave Time\n\n", msgNoRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(tt.in), day, loc)
			var e *usererr.Error
			if !errors.As(err, &e) || e.Error() != tt.want {
				t.Fatalf("got %v, %v; want %q", rep, err, tt.want)
			}
		})
	}
}

func TestParseReadError(t *testing.T) {
	day, _, loc := session(t)
	cause := errors.New("disque débranché")
	_, err := Parse(&failing{cause}, day, loc)
	if !errors.Is(err, cause) || err.Error() != msgRead {
		t.Errorf("got %v", err)
	}
	_, err = Parse(bytes.NewReader(make([]byte, MaxSize+1)), day, loc)
	if err == nil || err.Error() != msgTooBig {
		t.Errorf("got %v", err)
	}
}

type failing struct{ err error }

func (f *failing) Read([]byte) (int, error) { return 0, f.err }

// TestMessagesTypography checks the French typography of every message a
// person may read: no-break space before the colon and inside guillemets.
func TestMessagesTypography(t *testing.T) {
	msgs := []string{msgEmpty, msgRead, msgTooBig, msgNotReport, msgNoTimes, msgNoRows}
	rep := parseFile(t, "zoom_participants_fr.csv")
	for _, p := range rep.Skipped {
		msgs = append(msgs, p.Reason.Error())
	}
	day, _, loc := session(t)
	rep, err := Parse(strings.NewReader("Full Name\tUser Action\tTimestamp\nA\tWaved\t18:00\nB\tJoined\thier\n"), day, loc)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Skipped {
		msgs = append(msgs, p.Reason.Error())
	}
	for _, m := range msgs {
		for _, bad := range []string{" :", "« ", " »", "'"} {
			if strings.Contains(m, bad) {
				t.Errorf("%q contains %q", m, bad)
			}
		}
	}
}

func TestSplitFields(t *testing.T) {
	tests := []struct {
		line string
		d    byte
		want []string
	}{
		{"a, b ,c", ',', []string{"a", "b", "c"}},
		{`"Nguyen, Thi",,x`, ',', []string{"Nguyen, Thi", "", "x"}},
		{`"dit ""Jo""";b`, ';', []string{`dit "Jo"`, "b"}},
		{`Jo "le grand",b`, ',', []string{`Jo "le grand"`, "b"}},
		{`"pas fermé,b`, ',', []string{"pas fermé,b"}},
		{"a\tb, c", '\t', []string{"a", "b, c"}},
	}
	for _, tt := range tests {
		if got := splitFields(tt.line, tt.d); !slices.Equal(got, tt.want) {
			t.Errorf("splitFields(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestParseOneInvalidByte: one Windows-1252 byte in a UTF-8 report keeps
// the report UTF-8 (the other names intact) and names the line.
func TestParseOneInvalidByte(t *testing.T) {
	day, _, loc := session(t)
	data := "Nom (nom d'origine),E-mail de l'utilisateur,Heure d'arrivée,Heure de départ,Durée (minutes)\n" +
		"Hélène Tremblay,,04/11/2026 18:41:00,04/11/2026 21:00:00,139\n" +
		"Jos\xe9 Roy,,04/11/2026 18:41:00,04/11/2026 21:00:00,139\n" +
		"Zoé Côté,,04/11/2026 18:41:00,04/11/2026 21:00:00,139\n"
	rep, err := Parse(strings.NewReader(data), day, loc)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "UTF-8" || !slices.Contains(rep.Names(), "Hélène Tremblay") || !slices.Contains(rep.Names(), "Jos\ufffd Roy") {
		t.Errorf("encoding %q, names %q", rep.Encoding, rep.Names())
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Line != 3 {
		t.Errorf("warnings %v", rep.Warnings)
	}
}
