package rosterexport

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/formats/registration"
	"atelier/app/formats/tabular/tabulartest"
)

// hostile are people whose details a spreadsheet would split or run, and
// whose details must come back whole when the roster is imported again.
var hostile = []participants.Participant{
	{Name: "Jean;=1+2;x", Email: "jean@exemple.ca", Phone: "+1 514 555 0100", Status: participants.Inscrit},
	{Name: `=HYPERLINK("http://x")`, Organisation: "-5", City: "@SUM(1)", Status: participants.Inscrit},
	{Name: "@SUM(1)", Pronouns: "iel", Phone: "-5", Status: participants.Inscrit},
	{Name: "-5", Accessibility: "rampe;=1+2\n@deuxième ligne", Status: participants.Inscrit},
	{Name: "+1 514 555 0100", Organisation: "Comité, « vert »; ensemble", Status: participants.Inscrit},
	{Name: "Zoë 🌱 Lin", City: "Québec\tnord", Notes: "deux\nlignes\n=1+2", Status: participants.Inscrit},
	{Name: "« Awa » Diallo", Organisation: `Le "Comité"`, Consent: true, Status: participants.Inscrit},
	{Name: `Jo "le Pro" Roy`, Accessibility: "'=déjà protégé", Status: participants.Inscrit},
	{Name: "＝Pleine chasse", Organisation: "'Tit groupe", Status: participants.Inscrit},
}

func TestCSVHostileReadsTheSameEverywhere(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, hostile, time.UTC); err != nil {
		t.Fatal(err)
	}
	recs := tabulartest.CheckCSV(t, b.Bytes())
	if len(recs) != len(hostile)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(hostile)+1)
	}
}

// TestCSVRoundTrip exports the roster and imports the file again: the same
// people come back with the same details, no apostrophe of ours left, no
// column shifted into the notes.
func TestCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, hostile, time.UTC); err != nil {
		t.Fatal(err)
	}
	s, err := registration.Parse(&b, "inscriptions.csv", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Columns) != len(header) {
		t.Errorf("%d columns read, want %d: %+v", len(s.Columns), len(header), s.Columns)
	}
	byName := map[string]participants.Participant{}
	for _, r := range s.Rows {
		if r.Err != nil {
			t.Errorf("line %d rejected: %v", r.Line, r.Err)
		}
		byName[r.Participant.Name] = r.Participant
	}
	for _, want := range hostile {
		got, ok := byName[want.Name]
		if !ok {
			t.Errorf("%q did not come back; names read: %q", want.Name, names(s))
			continue
		}
		for _, f := range []struct{ field, got, want string }{
			{"email", got.Email, want.Email}, {"phone", got.Phone, want.Phone}, {"pronouns", got.Pronouns, want.Pronouns},
			{"organisation", got.Organisation, want.Organisation}, {"city", got.City, want.City},
			{"accessibility", got.Accessibility, want.Accessibility},
			{"consent", fmt.Sprint(got.Consent), fmt.Sprint(want.Consent)},
		} {
			if f.got != f.want {
				t.Errorf("%q: %s = %q, want %q", want.Name, f.field, f.got, f.want)
			}
		}
		if want.Notes != "" && !strings.Contains(got.Notes, "Notes\u00a0: "+want.Notes) {
			t.Errorf("%q: notes %q lack %q", want.Name, got.Notes, want.Notes)
		}
		if strings.Contains(got.Notes, "Colonne ") {
			t.Errorf("%q: a column shifted into the notes: %q", want.Name, got.Notes)
		}
	}
}

func names(s *registration.Sheet) []string {
	var out []string
	for _, r := range s.Rows {
		out = append(out, r.Participant.Name)
	}
	return out
}
