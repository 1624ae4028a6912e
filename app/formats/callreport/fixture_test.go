package callreport

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// teamsSource is the Teams attendance report of testdata/teams_attendance.csv
// before Teams encodes it: UTF-16LE with a byte-order mark, tab-separated,
// three sections. Karim leaves at 19 h 20 and comes back at 19 h 30, which
// the « Participants » section hides and « In-Meeting Activities » shows.
const teamsSource = "1. Summary\n" +
	"Meeting title\tFormation militante – séance 3\n" +
	"Attended participants\t4\n" +
	"Start time\t11/4/26, 6:27:12 PM\n" +
	"End time\t11/4/26, 9:01:40 PM\n" +
	"Meeting duration\t2h 34m 28s\n" +
	"Average attendance time\t2h 21m 34s\n" +
	"\n" +
	"2. Participants\n" +
	"Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\n" +
	"Équipe d'animation\t11/4/26, 6:27:12 PM\t11/4/26, 9:01:40 PM\t2h 34m 28s\tanimation@exemple.qc.ca\tanimation@exemple.qc.ca\tOrganizer\n" +
	"Karim Benali\t11/4/26, 6:29:03 PM\t11/4/26, 9:00:01 PM\t2h 20m 57s\tkarim.benali@exemple.org\tkarim.benali@exemple.org\tAttendee\n" +
	"Joséphine Roy\t11/4/26, 6:33:00 PM\t11/4/26, 9:00:00 PM\t2h 27m\tJRoy@exemple.net\tjroy@exemple.net\tAttendee\n" +
	"Tremblay, Hélène (Guest)\t11/4/26, 6:45:30 PM\t11/4/26, 8:58:00 PM\t2h 12m 30s\t\t\tAttendee\n" +
	"\n" +
	"3. In-Meeting Activities\n" +
	"Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n" +
	"Équipe d'animation\t11/4/26, 6:27:12 PM\t11/4/26, 9:01:40 PM\t2h 34m 28s\tanimation@exemple.qc.ca\tOrganizer\n" +
	"Karim Benali\t11/4/26, 6:29:03 PM\t11/4/26, 7:20:00 PM\t50m 57s\tkarim.benali@exemple.org\tAttendee\n" +
	"Joséphine Roy\t11/4/26, 6:33:00 PM\t11/4/26, 9:00:00 PM\t2h 27m\tJRoy@exemple.net\tAttendee\n" +
	"Karim Benali\t11/4/26, 7:30:01 PM\t11/4/26, 9:00:01 PM\t1h 30m\tkarim.benali@exemple.org\tAttendee\n" +
	"Tremblay, Hélène (Guest)\t11/4/26, 6:45:30 PM\t11/4/26, 8:58:00 PM\t2h 12m 30s\t\tAttendee\n"

// utf16LE encodes s the way Teams does.
func utf16LE(t testing.TB, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTeamsFixture keeps testdata/teams_attendance.csv equal to teamsSource
// encoded; run with -update to write it.
func TestTeamsFixture(t *testing.T) {
	want := utf16LE(t, teamsSource)
	path := filepath.Join("testdata", "teams_attendance.csv")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from teamsSource encoded in UTF-16LE; run go test -run TestTeamsFixture -update", path)
	}
	if !bytes.HasPrefix(got, []byte{0xFF, 0xFE, '1', 0}) {
		t.Fatalf("%s does not start with a UTF-16LE byte-order mark: % x", path, got[:4])
	}
}

// session is the fixtures' session: Wednesday, November 4, 2026, 18 h 30,
// in Montréal.
func session(t testing.TB) (day, start time.Time, loc *time.Location) {
	t.Helper()
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 11, 4, 0, 0, 0, 0, loc), time.Date(2026, 11, 4, 18, 30, 0, 0, loc), loc
}

func parseFile(t testing.TB, name string) *Report {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	day, _, loc := session(t)
	rep, err := Parse(f, day, loc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rep
}
