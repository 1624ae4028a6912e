package attendancexlsx

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
)

func benchData(b testing.TB) ([]participants.Participant, []participants.Attendance) {
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
		// The same detail cells as the « Séance N » sheets.
		for j, s := range c.Sessions {
			name := fmt.Sprintf("Séance %d", s.Number)
			if _, err := f.NewSheet(name); err != nil {
				b.Fatal(err)
			}
			ss, err := f.NewStreamWriter(name)
			if err != nil {
				b.Fatal(err)
			}
			line := make([]any, 6)
			for i, p := range people {
				m := marks[i*len(c.Sessions)+j]
				line[0], line[1], line[2], line[3], line[4], line[5] = p.Name, p.Email, markText[m.Mark], m.Minutes, m.Note, ""
				if err := ss.SetRow(fmt.Sprintf("A%d", i+4), line); err != nil {
					b.Fatal(err)
				}
			}
			if err := ss.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// TestPeakMemory10k samples the heap while the 10,000-person workbook is
// written, for the « under 150 MB » target (B/op counts every allocation,
// not what is held at once). Run with ATELIER_PEAK=1.
func TestPeakMemory10k(t *testing.T) {
	if os.Getenv("ATELIER_PEAK") == "" {
		t.Skip("set ATELIER_PEAK=1 to measure")
	}
	c := testCohort(t)
	people, marks := benchData(t)
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			default:
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse+ms.StackInuse)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	if err := Write(io.Discard, c, people, marks, testOptions); err != nil {
		t.Fatal(err)
	}
	close(stop)
	<-done
	t.Logf("peak heap while writing: %.0f MB", float64(peak)/(1<<20))
}
