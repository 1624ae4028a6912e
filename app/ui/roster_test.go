package ui

import (
	"context"
	"fmt"
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
	if _, err := u.svc.UpdateCohort(ctx, c, false); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Hélène Tremblay", "Marc-André Côté", "Zoë Lin", "Awa Diallo", "Bruno Œuvray"} {
		p := participants.Participant{Name: name, Email: strings.ToLower(strings.Fields(name)[0]) + "@exemple.ca",
			Organisation: "Collectif Œuvre commune"}
		if i == 0 {
			p.Email = "helene@exemple.ca"
		}
		clock = now.Add(time.Duration(i) * time.Minute)
		if _, err := u.svc.AddPerson(ctx, c.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	clock = now
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
	r.updateCell(widget.TableCellID{Row: 0, Col: statusCol}, cell)
	if got := cell.(*tipLabel).Text; got != "Liste d’attente · n°\u00a01" {
		t.Errorf("status cell %q", got)
	}
}

// The waiting list's order shows in the table and in the person pane: the
// seat rule's order, in which someone who registers again comes last, not
// the roster's order of registration.
func TestWaitingListPositionShown(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	ctx := context.Background()
	helene := r.list[0] // registered first, holds a seat
	if _, err := u.svc.Withdraw(ctx, u.cohort.ID, helene.ID); err != nil {
		t.Fatal(err)
	}
	clock = now.Add(time.Hour)
	if _, err := u.svc.JoinWaitingList(ctx, u.cohort.ID, helene.ID); err != nil {
		t.Fatal(err)
	}
	r.changed(0)
	status := func(name string) string {
		for row, i := range r.shown {
			if r.list[i].Name == name {
				cell := r.table.CreateCell()
				r.updateCell(widget.TableCellID{Row: row, Col: statusCol}, cell)
				return cell.(*tipLabel).Text
			}
		}
		t.Fatalf("%s not shown", name)
		return ""
	}
	want := map[string]string{
		"Awa Diallo":      "Liste d’attente · n°\u00a01",
		"Bruno Œuvray":    "Liste d’attente · n°\u00a02",
		"Hélène Tremblay": "Liste d’attente · n°\u00a03",
		"Zoë Lin":         "Inscrit·e",
	}
	for name, text := range want {
		if got := status(name); got != text {
			t.Errorf("%s: status cell %q, want %q", name, got, text)
		}
	}
	// In view without scrolling on a small screen, beside the name.
	u.win.Resize(fyne.NewSize(1024, 600))
	var before float32
	for _, w := range rosterWidths[:statusCol] {
		before += w
	}
	if end := before + statusWidth(u.lang()); end > r.table.Size().Width {
		t.Errorf("the status column ends at %g, past the table's %g", end, r.table.Size().Width)
	}
	if cell := widget.NewLabel(want["Hélène Tremblay"]); cell.MinSize().Width > statusWidth(u.lang()) {
		t.Errorf("the status column (%g) cuts %q (%g)", statusWidth(u.lang()), cell.Text, cell.MinSize().Width)
	}
	r.selectPerson(helene.ID)
	if got := r.detail.status.Text; got != "Liste d’attente · n°\u00a03 sur 3" {
		t.Errorf("person pane status %q", got)
	}
	r.selectPerson(r.list[3].ID) // Awa
	if got := r.detail.status.Text; got != "Liste d’attente · n°\u00a01 sur 3" {
		t.Errorf("person pane status %q", got)
	}
	r.selectPerson(r.list[2].ID) // Zoë holds a seat: no place in the queue
	if got := r.detail.status.Text; got != "Inscrit·e" {
		t.Errorf("person pane status %q", got)
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
	// Asked first: nothing is recorded yet.
	if text := dialogText(u); !strings.Contains(text, "Enregistrer le désistement d’Hélène Tremblay") {
		t.Fatalf("confirmation says %q", text)
	}
	if ps, _ := st.Participants(context.Background(), u.cohort.ID); ps[0].Status != participants.Inscrit {
		t.Fatal("withdrawn before confirming")
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Enregistrer le désistement")
	text := dialogText(u)
	if !strings.Contains(text, "Awa Diallo") {
		t.Fatalf("offer dialog says %q", text)
	}
	if !u.notice.root.Visible() || !strings.Contains(u.notice.label.Text, "Désistement d’Hélène Tremblay") {
		t.Fatalf("undo bar %v %q", u.notice.root.Visible(), u.notice.label.Text)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Offrir la place")
	if got := u.notice.label.Text; got != "Awa Diallo a maintenant une place." || u.notice.undo.Visible() {
		t.Errorf("notice after the offer: %q", got)
	}
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
	if !u.notice.root.Visible() || !strings.Contains(u.notice.label.Text, "Zoë Lin") {
		t.Fatalf("undo bar: visible %v, %q", u.notice.root.Visible(), u.notice.label.Text)
	}
	tapButton(t, u.notice.root, "Annuler")
	back, ok := r.person(zoe.ID)
	if !ok || back.Attended != 1 || u.notice.root.Visible() {
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
	test.Tap(button(t, o, label))
}

func TestWithdrawalUndoneFromTheBottomBar(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	helene := r.list[0]
	r.selectPerson(helene.ID)
	test.Tap(r.detail.withdraw)
	tapButton(t, u.win.Canvas().Overlays().Top(), "Enregistrer le désistement")
	tapButton(t, u.win.Canvas().Overlays().Top(), "Plus tard")
	tapButton(t, u.notice.root, "Annuler")
	ps, _ := st.Participants(context.Background(), u.cohort.ID)
	if ps[0].Status != participants.Inscrit || r.detail.current.Status != participants.Inscrit {
		t.Fatalf("after undo %s", ps[0].Status)
	}
	if !strings.HasPrefix(r.counts.Text, "3 places prises sur 3") {
		t.Errorf("counts %q", r.counts.Text)
	}
}

// TestPersonPaneKeepsItsLayout selects people of every status and checks
// that the buttons stay the same, in the same places, only enabled or not.
func TestPersonPaneKeepsItsLayout(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	u.win.Resize(fyne.NewSize(1024, 600))
	var first []fyne.Position
	for i, p := range r.list {
		r.selectPerson(p.ID)
		var pos []fyne.Position
		for _, b := range r.detail.buttons() {
			pos = append(pos, b.Position())
		}
		if i == 0 {
			first = pos
			continue
		}
		for j := range pos {
			if pos[j] != first[j] {
				t.Errorf("%s: button %q moved from %v to %v", p.Name, r.detail.buttons()[j].Text, first[j], pos[j])
			}
		}
	}
	waiting := r.list[3]
	r.selectPerson(waiting.ID)
	if r.detail.withdraw.Disabled() || !r.detail.confirm.Disabled() || r.detail.seat.Disabled() || !r.detail.reregister.Disabled() {
		t.Error("waiting person: wrong buttons enabled")
	}
	if r.detail.status.Text != "Liste d’attente · n°\u00a01 sur 2" {
		t.Errorf("status line %q", r.detail.status.Text)
	}
}

func TestReregisterWhenFullOffersTheWaitingList(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	ctx := context.Background()
	zoe := r.list[2]
	if _, err := u.svc.Withdraw(ctx, u.cohort.ID, zoe.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.FillSeats(ctx, u.cohort.ID); err != nil {
		t.Fatal(err)
	}
	r.changed(zoe.ID)
	test.Tap(r.detail.reregister)
	if text := dialogText(u); !strings.Contains(text, "Les 3 places sont prises") || !strings.Contains(text, "Inscrire Zoë Lin en liste d’attente") {
		t.Fatalf("dialog %q", text)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Inscrire en liste d’attente")
	ps, _ := st.Participants(ctx, u.cohort.ID)
	var order []string
	for _, p := range participants.Waiting(ps) {
		order = append(order, p.Name)
	}
	if strings.Join(order, ", ") != "Bruno Œuvray, Zoë Lin" {
		t.Errorf("waiting list %v", order)
	}
}

func TestSeatCounterTellsWalkInsApart(t *testing.T) {
	u, _ := rosterUI(t)
	if _, err := u.svc.AddWalkIn(context.Background(), u.cohort.ID, u.cohort.Sessions[0].ID, participants.Participant{Name: "Sans Billet"}); err != nil {
		t.Fatal(err)
	}
	r := u.roster
	r.load(true)
	if got := r.counts.Text; got != "3 places prises sur 3 · 1 arrivée sans inscription · 2 en liste d’attente" {
		t.Errorf("counts %q", got)
	}
}

// dialogTextOf gathers the labels inside o.
func dialogTextOf(o fyne.CanvasObject) string {
	var text string
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	})
	return text
}

// TestEveryAreaFitsASmallLaptop: no area, the Participants' two tabs
// with a person shown among them, needs more than a 1024 × 600 screen (the
// window would grow past it and hide the person's buttons).
func TestEveryAreaFitsASmallLaptop(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	r.selectPerson(r.list[3].ID)
	fits := func(what string) {
		if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
			t.Errorf("%s needs %v, more than 1024 × 600", what, m)
		}
	}
	for tab := range 2 {
		u.people.SelectIndex(tab)
		fits(fmt.Sprintf("Participants, tab %d", tab))
	}
	for i, a := range u.areas {
		u.nav.Select(i)
		fits(a.title)
	}
}
