package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/store"
)

// rosterUI opens the window on a cohort of three seats holding five people,
// and shows the Participants area.
func rosterUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, st := newTestUI(t)
	ctx := context.Background()
	c := u.cohort
	c.SeatLimit = 3
	if err := st.UpdateCohort(ctx, c); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Hélène Tremblay", "Marc-André Côté", "Zoë Lin", "Awa Diallo", "Bruno Œuvray"} {
		p := participants.Participant{Name: name, Email: strings.ToLower(strings.Fields(name)[0]) + "@exemple.ca",
			Organisation: "Collectif Œuvre commune", RegisteredAt: time.Date(2026, 11, 1+i, 9, 0, 0, 0, time.UTC)}
		if i == 0 {
			p.Email = "helene@exemple.ca"
		}
		if _, err := st.AddParticipant(ctx, c.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	u.loadCohorts(c.ID)
	u.nav.Select(0)
	return u, st
}

func TestRosterSearchAndFilter(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	if len(r.shown) != 5 || !strings.HasPrefix(r.counts.Text, "3 places prises sur 3 · 2 en liste d’attente") {
		t.Fatalf("%d shown, counts %q", len(r.shown), r.counts.Text)
	}
	test.Type(r.search, "helene")
	if len(r.shown) != 1 || r.list[r.shown[0]].Name != "Hélène Tremblay" {
		t.Errorf("helene finds %v", r.shown)
	}
	r.search.SetText("oeuvr")
	if len(r.shown) != 5 {
		t.Errorf("oeuvr finds %d, want all five (organisation) ", len(r.shown))
	}
	r.search.SetText("")
	r.filter.SetSelected(statusLabel(participants.Attente))
	if len(r.shown) != 2 {
		t.Errorf("waiting filter shows %d", len(r.shown))
	}
	// The table draws what is filtered.
	cell := r.table.CreateCell()
	r.updateCell(widget.TableCellID{Row: 0, Col: 5}, cell)
	if got := cell.(*widget.Label).Text; got != "Liste d’attente" {
		t.Errorf("status cell %q", got)
	}
}

func TestWithdrawOffersTheSeatToTheFirstWaiting(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	helene := r.list[0]
	r.selectPerson(helene.ID)
	if r.detail.current.ID != helene.ID {
		t.Fatal("detail pane does not show the selection")
	}
	r.onWithdraw(helene)
	text := dialogText(u)
	if !strings.Contains(text, "Awa Diallo") {
		t.Fatalf("offer dialog says %q", text)
	}
	r.promote(r.list[3]) // what « Offrir la place » does
	ps, _ := st.Participants(context.Background(), u.cohort.ID)
	if ps[0].Status != participants.Desiste || ps[3].Status != participants.Inscrit || ps[4].Status != participants.Attente {
		t.Errorf("statuses %s %s %s", ps[0].Status, ps[3].Status, ps[4].Status)
	}
}

func TestRemoveCanBeUndone(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	zoe := r.list[2]
	ctx := context.Background()
	if err := st.SetAttendance(ctx, []participants.Attendance{{ParticipantID: zoe.ID, SessionID: u.cohort.Sessions[0].ID, Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}
	r.onRemove(zoe)
	confirm := u.win.Canvas().Overlays().Top()
	if confirm == nil {
		t.Fatal("no confirmation asked")
	}
	tapButton(t, confirm, "Oui")
	if n, _ := st.CountParticipants(ctx, u.cohort.ID); n != 4 || len(r.list) != 4 {
		t.Fatalf("%d people after removal", n)
	}
	if !r.undo.root.Visible() || !strings.Contains(r.undo.label.Text, "Zoë Lin") {
		t.Fatalf("undo bar: visible %v, %q", r.undo.root.Visible(), r.undo.label.Text)
	}
	tapButton(t, r.undo.root, "Annuler")
	back, ok := r.person(zoe.ID)
	if !ok || back.Attended != 1 || r.undo.root.Visible() {
		t.Errorf("after undo: %+v, %v", back, ok)
	}
}

// dialogText gathers the labels of the dialog on top.
func dialogText(u *UI) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var text string
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	})
	return text
}

// tapButton taps the button labelled label inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	test.Tap(found)
}
