package service

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/library"
	"atelier/app/domain/participants"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/formats/registration"
	"atelier/app/store"
)

// twice runs op at the same time on the fixture's application and on a
// second one opened on the same file, as two windows or a window and a
// command would, and fails on any error.
func (f *fixture) twice(op func(svc *Service) error) {
	f.t.Helper()
	other, err := store.Open(f.path, store.Options{Now: f.clock})
	if err != nil {
		f.t.Fatal(err)
	}
	defer other.Close()
	svcs := []*Service{f.svc, New(other, f.plans, f.clock)}
	errs := make([]error, len(svcs))
	var start, done sync.WaitGroup
	start.Add(1)
	for i, svc := range svcs {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = op(svc)
		}()
	}
	start.Done()
	done.Wait()
	if err := errors.Join(errs...); err != nil {
		f.t.Fatal(err)
	}
}

// Two imports of the same file at once give the roster one import gives:
// each person once, the seats given once.
func TestTwoImportsAtOnce(t *testing.T) {
	f := newFixture(t)
	f.setSeats(25)
	var b strings.Builder
	b.WriteString("Horodateur,Adresse courriel,Nom complet\n")
	for i := range 400 {
		fmt.Fprintf(&b, "2026/11/01 10:%02d:%02d,personne%d@exemple.org,Personne %d\n", i/60, i%60, i, i)
	}
	sheet, err := registration.Parse(strings.NewReader(b.String()), "inscriptions.csv", f.c.Location())
	if err != nil {
		t.Fatal(err)
	}
	f.twice(func(svc *Service) error {
		_, err := svc.ImportRoster(f.ctx, f.c.ID, sheet)
		return err
	})
	people := f.people()
	seats := f.seats()
	if len(people) != 400 || seats.Taken != 25 || seats.Waiting != 375 {
		t.Fatalf("%d people, %d seats taken, %d waiting; want 400, 25, 375", len(people), seats.Taken, seats.Waiting)
	}
}

// The same video report applied twice at once marks each person once and
// adds the stranger chosen as a walk-in once.
func TestTwoVideoReportsAtOnce(t *testing.T) {
	f := newFixture(t)
	f.importRows(eleven...)
	f.after(1, 3*time.Hour)
	s1 := f.session(1)
	rep := f.zoom(1, []string{"Awa Diop", "Bo Tran", "Zed Inconnu"}, "Cy Roy")
	plan, err := f.svc.PlanReport(f.ctx, f.c, s1.ID, rep, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	f.twice(func(svc *Service) error {
		_, err := svc.ApplyReport(f.ctx, f.c.ID, plan, []Choice{{WalkIn: true}}, true)
		return err
	})
	people := f.people()
	if len(people) != 12 || people["Zed Inconnu"].Status != participants.SansInscription {
		t.Fatalf("%d people (Zed: %+v), want the eleven and Zed once", len(people), people["Zed Inconnu"])
	}
	r, _, err := f.svc.Tally(f.ctx, f.c)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Sessions[0]; got.Present != 2 || got.Late != 1 || got.Absent != 8 || got.Others != 1 {
		t.Fatalf("session 1 %+v", got)
	}
}

// A corrected workbook applied twice at once writes its changes once; one
// read before someone changed a mark in Atelier refuses, writing nothing.
func TestCorrectionsRecheckedWhenApplied(t *testing.T) {
	f := newFixture(t)
	f.importRows("Awa Diop", "Bo Tran")
	s1 := f.session(1)
	awa, bo := f.person("Awa Diop"), f.person("Bo Tran")
	changes := []attendancexlsx.Change{
		{ParticipantID: awa.ID, SessionID: s1.ID, Name: awa.Name, Session: 1, To: participants.Present},
		{ParticipantID: bo.ID, SessionID: s1.ID, Name: bo.Name, Session: 1, To: participants.Excuse},
	}
	f.twice(func(svc *Service) error { return svc.ApplyCorrections(f.ctx, f.c.ID, changes) })
	if p := f.person("Awa Diop"); p.Attended != 1 {
		t.Fatalf("Awa attended %d, want 1", p.Attended)
	}

	// Bo is marked present at the desk; the workbook, read before, still
	// says « excusé·e → absent·e ».
	if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: bo.ID, SessionID: s1.ID, Mark: participants.Present}); err != nil {
		t.Fatal(err)
	}
	stale := []attendancexlsx.Change{
		{ParticipantID: awa.ID, SessionID: s1.ID, Name: awa.Name, Session: 1, From: participants.Present, To: participants.Retard},
		{ParticipantID: bo.ID, SessionID: s1.ID, Name: bo.Name, Session: 1, From: participants.Excuse, To: participants.Absent},
	}
	err := f.svc.ApplyCorrections(f.ctx, f.c.ID, stale)
	if err == nil || !strings.Contains(err.Error(), "Bo Tran, séance 1") {
		t.Fatalf("stale workbook: %v, want a refusal naming Bo", err)
	}
	marks, _ := f.st.SessionAttendance(f.ctx, s1.ID)
	for _, m := range marks {
		if m.Mark != participants.Present {
			t.Errorf("a mark changed by the refused import: %+v", m)
		}
	}
}

// A library CSV imported twice at once adds each resource once.
func TestTwoLibraryImportsAtOnce(t *testing.T) {
	f := newFixture(t)
	before, err := f.st.Resources(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	rs := []library.Resource{
		{Title: "Guide de l’équipe", Language: "fr", URL: "https://exemple.org/guide", Source: "Équipe de Sherbrooke"},
		{Title: "Fiche « rôles »", Language: "fr", URL: "https://exemple.org/roles", Source: "Équipe de Sherbrooke"},
	}
	f.twice(func(svc *Service) error {
		_, err := svc.ImportLibrary(f.ctx, rs)
		return err
	})
	after, err := f.st.Resources(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+2 {
		t.Fatalf("%d resources after, want %d", len(after), len(before)+2)
	}
}
