package attendancexlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"atelier/app/participants"
)

func benchData(b *testing.B) ([]participants.Participant, []participants.Attendance) {
	c := testCohort(b)
	people := make([]participants.Participant, 10000)
	var marks []participants.Attendance
	for i := range people {
		people[i] = participants.Participant{
			ID: int64(i + 1), Name: fmt.Sprintf("Personne %05d", i), Pronouns: "iel",
			Email: fmt.Sprintf("p%05d@example.org", i), Organisation: "Comité", Status: participants.Confirme,
		}
		for j, s := range c.Sessions {
			marks = append(marks, participants.Attendance{ParticipantID: people[i].ID, SessionID: s.ID, Mark: participants.Marks()[(i+j)%4]})
		}
	}
	return people, marks
}

func BenchmarkWrite10k(b *testing.B) {
	c := testCohort(b)
	people, marks := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, c, people, marks, testOptions); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareStreamWriter10k writes the same cells as plain values with
// no style, validation or formula: the floor Write is measured against.
func BenchmarkBareStreamWriter10k(b *testing.B) {
	c := testCohort(b)
	people, marks := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		header := []any{"Nom", "Pronoms", "Courriel", "Organisation", "Statut"}
		for _, s := range c.Sessions {
			header = append(header, s.Title)
		}
		header = append(header, "Séances suivies", "Taux de présence")
		if err := sw.SetRow("A1", header); err != nil {
			b.Fatal(err)
		}
		row := make([]any, len(header))
		for i, p := range people {
			row[0], row[1], row[2], row[3], row[4] = p.Name, p.Pronouns, p.Email, p.Organisation, participants.StatusLabels[p.Status]
			n := 0
			for j := range c.Sessions {
				m := marks[i*len(c.Sessions)+j].Mark
				row[5+j] = markText[m]
				if m.Attended() {
					n++
				}
			}
			row[10], row[11] = n, float64(n)/5
			if err := sw.SetRow(fmt.Sprintf("A%d", i+2), row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
