package service

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/participants"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/kit/officetest"
)

// TestAFacilitatorsFirstWeeks is the issue's « done when »: a roster
// imported, session 1 checked in, session 2 from a video report with the
// rest marked absent, one person withdrawn (the seat offered to the first
// waiting) and another re-registered. The roster, the check-in count, the
// workbook as LibreOffice recomputes it, the sign-in sheet and the
// certificates then give the same figures and lists.
func TestAFacilitatorsFirstWeeks(t *testing.T) { onEngines(t, facilitatorsFirstWeeks) }

func facilitatorsFirstWeeks(t *testing.T, f *fixture) {
	f.setSeats(10)
	var people []string
	for _, n := range []string{"Awa", "Bo", "Cy", "Dé", "Ed", "Fa", "Gi", "Ha", "Io", "Jo"} {
		people = append(people, n+" Membre")
	}
	res := f.importRows(append(people, "Ka Attente", "Lu Attente")...)
	if len(res.Add) != 12 || res.Waitlisted != 2 {
		t.Fatalf("import: %s", res.Summary())
	}
	// Before session 1, Jo withdraws; Ka, first waiting, takes the seat.
	w, err := f.svc.Withdraw(f.ctx, f.c.ID, f.person("Jo Membre").ID)
	if err != nil || w.Offer == nil || w.Offer.Name != "Ka Attente" {
		t.Fatalf("withdraw Jo: %+v, %v", w, err)
	}
	if _, err := f.svc.GiveSeat(f.ctx, f.c.ID, w.Offer.ID); err != nil {
		t.Fatal(err)
	}

	// Session 1: eight checked in at the desk, one walk-in, the rest absent.
	s1 := f.session(1)
	f.after(1, 5*time.Minute)
	for _, n := range []string{"Awa Membre", "Bo Membre", "Cy Membre", "Dé Membre", "Ed Membre", "Fa Membre", "Gi Membre", "Ka Attente"} {
		if _, err := f.svc.CheckIn(f.ctx, participants.Attendance{ParticipantID: f.person(n).ID, SessionID: s1.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.AddWalkIn(f.ctx, f.c.ID, s1.ID, participants.Participant{Name: "Xé Visiteuse"}); err != nil {
		t.Fatal(err)
	}
	f.after(1, 2*time.Hour)
	if rest, err := f.svc.MarkRestAbsent(f.ctx, f.c.ID, s1.ID); err != nil || names(rest) != "Ha Membre, Io Membre" {
		t.Fatalf("rest absent at session 1: %q, %v", names(rest), err)
	}

	// Session 2, from the video report: Lu (waiting list) is in it too.
	s2 := f.session(2)
	f.after(2, 3*time.Hour)
	rep := f.zoom(2, []string{"Awa Membre", "Bo Membre", "Cy Membre", "Dé Membre", "Ed Membre", "Lu Attente"}, "Fa Membre")
	plan, err := f.svc.PlanReport(f.ctx, f.c, s2.ID, rep, 10*time.Minute)
	if err != nil || names(plan.Waiting) != "Lu Attente" || names(plan.Absent) != "Gi Membre, Ha Membre, Io Membre, Ka Attente" {
		t.Fatalf("report plan: waiting %q, absent %q, %v", names(plan.Waiting), names(plan.Absent), err)
	}
	if _, err := f.svc.ApplyReport(f.ctx, f.c.ID, plan, nil, true); err != nil {
		t.Fatal(err)
	}

	// Awa withdraws; Lu takes the seat. Jo registers again: the cohort is
	// full, so Jo joins the waiting list.
	if w, err = f.svc.Withdraw(f.ctx, f.c.ID, f.person("Awa Membre").ID); err != nil || w.Offer == nil || w.Offer.Name != "Lu Attente" {
		t.Fatalf("withdraw Awa: %+v, %v", w, err)
	}
	if _, err := f.svc.GiveSeat(f.ctx, f.c.ID, w.Offer.ID); err != nil {
		t.Fatal(err)
	}
	jo := f.person("Jo Membre")
	_, err = f.svc.GiveSeat(f.ctx, f.c.ID, jo.ID)
	mustNoSeat(t, err, "Les 10 places sont prises")
	if _, err := f.svc.JoinWaitingList(f.ctx, f.c.ID, jo.ID); err != nil {
		t.Fatal(err)
	}

	// The roster.
	v, err := f.svc.Roster(f.ctx, f.c)
	if err != nil {
		t.Fatal(err)
	}
	if s := v.Seats; s.Taken != 10 || s.Limit != 10 || s.Waiting != 1 || s.WalkIns != 1 || v.Held != 2 {
		t.Fatalf("roster: seats %+v, held %d", s, v.Held)
	}
	// The check-in desk of session 2.
	d, err := f.svc.Desk(f.ctx, f.c, s2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Tally.Came() != 6 || d.Tally.Expected != 10 || d.Tally.Others != 1 {
		t.Fatalf("desk of session 2: %+v", d.Tally)
	}
	// The figures. Expected: who holds a seat now (Bo to Io, Ka and Lu).
	r, _, err := f.svc.Tally(f.ctx, f.c)
	if err != nil {
		t.Fatal(err)
	}
	want1 := attendance.Session{ID: s1.ID, Number: 1, Held: true, Expected: 10, Present: 7, Absent: 2, Unmarked: 1, Others: 2}
	want2 := attendance.Session{ID: s2.ID, Number: 2, Held: true, Expected: 10, Present: 5, Late: 1, Absent: 4, Others: 1}
	if r.Sessions[0] != want1 || r.Sessions[1] != want2 {
		t.Fatalf("sessions\n%+v\n%+v", r.Sessions[0], r.Sessions[1])
	}
	if r.Cohort != (attendance.Rate{Attended: 13, Possible: 20}) || r.Held != 2 {
		t.Fatalf("cohort %v, held %d", r.Cohort, r.Held)
	}

	// The workbook, recomputed by LibreOffice, says the same.
	var book bytes.Buffer
	if _, err := f.svc.Workbook(f.ctx, &book, f.c.ID); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "presences.xlsx")
	if err := os.WriteFile(path, book.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("workbook", func(t *testing.T) {
		lo := officetest.Recalculated(t, path, attendancexlsx.SheetSummary, attendancexlsx.SheetAttendance)
		sum := lo[attendancexlsx.SheetSummary]
		cell := func(r, c int) string { return officetest.Value(officetest.At(sum, r, c)) }
		for _, tt := range []struct {
			what string
			r, c int
			want string
		}{
			{"attendu·e·s", 4, 3, "10"}, {"séances tenues", 5, 3, "2"}, {"taux de la cohorte", 6, 3, "0.65"},
			{"S1 tenue", 9, 5, "oui"}, {"S1 présent·e", 9, 7, "7"}, {"S1 absent·e", 9, 9, "2"}, {"S1 sans marque", 9, 11, "1"},
			{"S1 taux", 9, 12, "0.7"}, {"S1 sans place", 9, 13, "2"},
			{"S2 présent·e", 10, 7, "5"}, {"S2 en retard", 10, 8, "1"}, {"S2 absent·e", 10, 9, "4"}, {"S2 taux", 10, 12, "0.6"},
			{"S3 tenue", 11, 5, "non"}, {"S3 taux", 11, 12, ""},
		} {
			if got := cell(tt.r, tt.c); got != tt.want {
				t.Errorf("Synthèse, %s: LibreOffice gives %q, want %q", tt.what, got, tt.want)
			}
		}
		// Each person's rate is over the 2 sessions held.
		rates := map[string]string{}
		for _, row := range lo[attendancexlsx.SheetAttendance][1:] {
			if len(row) >= 12 {
				rates[row[0]] = officetest.Value(row[11])
			}
		}
		for name, want := range map[string]string{"Bo Membre": "1", "Gi Membre": "0.5", "Lu Attente": "0.5", "Jo Membre": "0", "Xé Visiteuse": "0.5"} {
			if rates[name] != want {
				t.Errorf("Présences, %s: rate %q, want %q", name, rates[name], want)
			}
		}
	})

	// The sign-in sheet of session 3: exactly the ten holding a seat.
	var sheet bytes.Buffer
	if _, err := f.svc.SignIn(f.ctx, &sheet, f.c.ID, 3); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, sheet.Bytes())
	for _, n := range []string{"Bo Membre", "Cy Membre", "Dé Membre", "Ed Membre", "Fa Membre", "Gi Membre", "Ha Membre", "Io Membre", "Ka Attente", "Lu Attente"} {
		if !strings.Contains(text, n) {
			t.Errorf("sign-in sheet lacks %s", n)
		}
	}
	for _, n := range []string{"Awa Membre", "Jo Membre", "Xé Visiteuse"} {
		if strings.Contains(text, n) {
			t.Errorf("sign-in sheet lists %s, who holds no seat", n)
		}
	}

	// Certificates from 2 sessions: whoever came twice, Awa included
	// (withdrawn since, but she attended).
	var certs bytes.Buffer
	w2, err := f.svc.Certificates(f.ctx, &certs, f.c.ID, 2)
	if err != nil || w2.People != 6 {
		t.Fatalf("certificates: %+v, %v", w2, err)
	}
	text = pdfText(t, certs.Bytes())
	for _, n := range []string{"Awa Membre", "Bo Membre", "Cy Membre", "Dé Membre", "Ed Membre", "Fa Membre"} {
		if !strings.Contains(text, n) {
			t.Errorf("no certificate for %s", n)
		}
	}
	if strings.Contains(text, "Gi Membre") || strings.Count(text, "Attestation de participation") != 6 {
		t.Errorf("certificates:\n%s", text)
	}
}
