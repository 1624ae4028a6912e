package service

import (
	"errors"
	"strings"
	"testing"

	"atelier/app/domain/library"
	"atelier/app/domain/participants"
)

// waitingOrder is the waiting list, first served first.
func (f *fixture) waitingOrder() string {
	f.t.Helper()
	list, err := f.st.Participants(f.ctx, f.c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	var names []string
	for _, p := range participants.Waiting(list) {
		names = append(names, p.Name)
	}
	return strings.Join(names, " ")
}

func TestNobodyGoesAheadOfAPersonWaiting(t *testing.T) {
	f := newFixture(t)
	f.setSeats(3)
	res := f.importRows("Awa Diop", "Bo Tran", "Cy Roy", "Dé Gagnon", "Ed Noël")
	if res.Waitlisted != 2 || f.waitingOrder() != "Dé Gagnon Ed Noël" {
		t.Fatalf("import: %s; waiting %q", res.Summary(), f.waitingOrder())
	}

	// A withdrawal frees a seat, owed to the first person waiting.
	w, err := f.svc.Withdraw(f.ctx, f.c.ID, f.person("Awa Diop").ID)
	if err != nil || w.Offer == nil || w.Offer.Name != "Dé Gagnon" || w.Before.Status != participants.Inscrit {
		t.Fatalf("withdraw: %+v, %v", w, err)
	}

	// Entered by hand while that seat is free: the newcomer waits behind.
	fa, err := f.svc.AddPerson(f.ctx, f.c.ID, participants.Participant{Name: "Fa Ouellet"})
	if err != nil || fa.Status != participants.Attente {
		t.Fatalf("hand entry: %+v, %v", fa, err)
	}
	// Walked in: present, but neither a seat nor the waiting list.
	gi, err := f.svc.AddWalkIn(f.ctx, f.c.ID, f.session(1).ID, participants.Participant{Name: "Gi Walk"})
	if err != nil || gi.Status != participants.SansInscription {
		t.Fatalf("walk-in: %+v, %v", gi, err)
	}
	if s := f.seats(); s.Taken != 2 || s.Waiting != 3 || s.WalkIns != 1 || s.Free() != 1 {
		t.Fatalf("seats %+v", s)
	}

	// The free seat cannot go to anyone but Dé.
	_, err = f.svc.GiveSeat(f.ctx, f.c.ID, f.person("Ed Noël").ID)
	mustNoSeat(t, err, "Dé Gagnon est en tête de la liste d’attente")
	_, err = f.svc.GiveSeat(f.ctx, f.c.ID, gi.ID)
	mustNoSeat(t, err, "Dé Gagnon")
	// Re-registering Awa: no seat for her now; she joins the end of the list.
	_, err = f.svc.GiveSeat(f.ctx, f.c.ID, f.person("Awa Diop").ID)
	mustNoSeat(t, err, "peut s’inscrire en liste d’attente")
	if _, err := f.svc.JoinWaitingList(f.ctx, f.c.ID, f.person("Awa Diop").ID); err != nil {
		t.Fatal(err)
	}
	if got := f.waitingOrder(); got != "Dé Gagnon Ed Noël Fa Ouellet Awa Diop" {
		t.Fatalf("waiting %q: Awa registered first, but re-registered last", got)
	}
	if p, err := f.svc.GiveSeat(f.ctx, f.c.ID, f.person("Dé Gagnon").ID); err != nil || p.Status != participants.Inscrit {
		t.Fatalf("seat for the first waiting: %+v, %v", p, err)
	}
	// Full now: a later import waits last too.
	if res := f.importRows("Ha Bui"); res.Waitlisted != 1 || f.waitingOrder() != "Ed Noël Fa Ouellet Awa Diop Ha Bui" {
		t.Fatalf("second import: %s, waiting %q", res.Summary(), f.waitingOrder())
	}
	_, err = f.svc.GiveSeat(f.ctx, f.c.ID, f.person("Ed Noël").ID)
	mustNoSeat(t, err, "Les 3 places sont prises")
}

func TestWithdrawalUndone(t *testing.T) {
	f := newFixture(t)
	f.setSeats(2)
	f.importRows("Awa Diop", "Bo Tran", "Cy Roy")
	bo := f.person("Bo Tran")
	if err := f.svc.Confirm(f.ctx, f.c.ID, bo.ID); err != nil {
		t.Fatal(err)
	}
	w, err := f.svc.Withdraw(f.ctx, f.c.ID, bo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.UndoWithdraw(f.ctx, f.c.ID, w); err != nil {
		t.Fatal(err)
	}
	if got := f.person("Bo Tran").Status; got != participants.Confirme {
		t.Fatalf("after undo: %s", got)
	}
	// Withdrawn again, and the seat given to Cy meanwhile: it stays Cy's.
	if w, err = f.svc.Withdraw(f.ctx, f.c.ID, bo.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.GiveSeat(f.ctx, f.c.ID, w.Offer.ID); err != nil {
		t.Fatal(err)
	}
	err = f.svc.UndoWithdraw(f.ctx, f.c.ID, w)
	mustNoSeat(t, err, "La place de Bo Tran a été donnée entre-temps")
	if f.person("Bo Tran").Status != participants.Desiste || f.person("Cy Roy").Status != participants.Inscrit {
		t.Fatal("a refused undo changed something")
	}
}

func TestSeatsLoweredAskFirstAndRaisedOffer(t *testing.T) {
	f := newFixture(t)
	f.setSeats(4)
	f.importRows("Awa Diop", "Bo Tran", "Cy Roy", "Dé Gagnon", "Ed Noël", "Fa Ouellet")
	if err := f.svc.Confirm(f.ctx, f.c.ID, f.person("Dé Gagnon").ID); err != nil {
		t.Fatal(err)
	}
	c := f.c
	c.SeatLimit = 2
	_, err := f.svc.UpdateCohort(f.ctx, c, false)
	if !errors.Is(err, ErrTooFewSeats) || !strings.Contains(err.Error(), "4 places sont prises") || !strings.Contains(err.Error(), "Cy Roy et Bo Tran") {
		t.Fatalf("lowering: %v", err)
	}
	f.reload()
	if f.c.SeatLimit != 4 {
		t.Fatal("a refused change was saved")
	}
	cut, err := f.svc.SeatCut(f.ctx, f.c, 2)
	if err != nil || names(cut) != "Cy Roy, Bo Tran" {
		t.Fatalf("cut %q, %v", names(cut), err)
	}
	ch, err := f.svc.UpdateCohort(f.ctx, c, true)
	if err != nil || names(ch.Demoted) != "Cy Roy, Bo Tran" {
		t.Fatalf("demoted %q, %v", names(ch.Demoted), err)
	}
	f.reload()
	if s := f.seats(); s.Taken != 2 || s.Limit != 2 {
		t.Fatalf("seats %+v", s)
	}
	// They had seats: they go back ahead of whoever waited already.
	if got := f.waitingOrder(); got != "Bo Tran Cy Roy Ed Noël Fa Ouellet" {
		t.Fatalf("waiting %q", got)
	}
	c = f.c
	c.SeatLimit = 5
	ch, err = f.svc.UpdateCohort(f.ctx, c, false)
	if err != nil || ch.Free != 3 {
		t.Fatalf("raising: %+v, %v", ch, err)
	}
	seated, err := f.svc.FillSeats(f.ctx, f.c.ID)
	if err != nil || names(seated) != "Bo Tran, Cy Roy, Ed Noël" || f.waitingOrder() != "Fa Ouellet" {
		t.Fatalf("filled %q, %v; waiting %q", names(seated), err, f.waitingOrder())
	}
}

func TestRemovedPersonComesBack(t *testing.T) {
	f := newFixture(t)
	f.setSeats(1)
	f.importRows("Awa Diop", "Bo Tran")
	awa := f.person("Awa Diop")
	if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: awa.ID, SessionID: f.session(1).ID, Mark: participants.Present}); err != nil {
		t.Fatal(err)
	}
	rm, err := f.svc.Remove(f.ctx, f.c.ID, awa.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := f.svc.Restore(f.ctx, f.c.ID, rm)
	if err != nil || back.ID != awa.ID || back.Status != participants.Inscrit || f.person("Awa Diop").Attended != 1 {
		t.Fatalf("restored %+v, %v", back, err)
	}
	// Removed again, the seat given to Bo: Awa comes back waiting.
	if rm, err = f.svc.Remove(f.ctx, f.c.ID, awa.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.GiveSeat(f.ctx, f.c.ID, f.person("Bo Tran").ID); err != nil {
		t.Fatal(err)
	}
	if back, err = f.svc.Restore(f.ctx, f.c.ID, rm); err != nil || back.Status != participants.Attente {
		t.Fatalf("restored %+v, %v", back, err)
	}
	if s := f.seats(); s.Taken != 1 || s.Waiting != 1 {
		t.Fatalf("seats %+v", s)
	}
}

func TestTheStoreTakesTheApplicationsClock(t *testing.T) {
	f := newFixture(t)
	p, err := f.svc.AddPerson(f.ctx, f.c.ID, participants.Participant{Name: "Awa Diop"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.person("Awa Diop").RegisteredAt; !got.Equal(start) || p.RegisteredAt != start {
		t.Fatalf("registered at %v, want the injected %v", got, start)
	}
	if f.c.Name != "Cohorte hiver 2026" {
		t.Fatalf("first cohort named %q", f.c.Name)
	}
	if created, err := f.svc.FirstStart(f.ctx, library.Catalogue{}); err != nil || created {
		t.Fatalf("a second first start created a cohort: %v, %v", created, err)
	}
}
