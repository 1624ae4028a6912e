package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
	"atelier/app/i18n"
	"atelier/app/kit/filepick"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/workshops"
)

// now is a fixed "today": the first cohort then starts on Wednesday
// 2 December 2026 at 18 h 30, Toronto time.
var now = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

// clock is what the window takes for now; live-mode tests move it.
var clock = now

// testNow is the application's clock in tests.
func testNow() time.Time { return clock }

// newTestUI opens the window on a fresh database file, as a first start does.
func newTestUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	clock = now
	t.Setenv("LANG", "en_US.UTF-8") // French must win on an English system
	if err := i18n.Apply("fr"); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "atelier.db"), store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := service.New(st, workshops.MustPlans(), testNow)
	if _, err := svc.FirstStart(context.Background(), workshops.Catalogue()); err != nil {
		t.Fatal(err)
	}
	u := New(a, svc, Options{
		Language:  "fr",
		PrefsPath: filepath.Join(t.TempDir(), "preferences.json"),
		Still:     true,
		Files:     filepick.Unavailable{},
	})
	timers = &manualTimers{}
	u.after = timers.after
	u.win.Resize(fyne.NewSize(1180, 760))
	u.start()
	return u, st
}

func TestFirstStartShowsTheFiveSessions(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.sessions
	if got := u.win.Title(); got != "Atelier" {
		t.Errorf("window title %q", got)
	}
	if got := u.picker.Selected; got != "Cohorte hiver 2026" {
		t.Errorf("cohort picker shows %q", got)
	}
	if n := s.list.Length(); n != 5 {
		t.Fatalf("%d sessions listed, want 5", n)
	}
	wantDays := []string{"2 déc.", "9 déc.", "16 déc.", "23 déc.", "30 déc."}
	for i, se := range s.cohort.Sessions {
		row := s.list.CreateItem()
		s.updateSessionRow(i, row)
		when := row.(*fyne.Container).Objects[2].(*widget.Label).Text
		if when != "mer. "+wantDays[i]+" 2026 · 18\u00a0h\u00a030 – 20\u00a0h" {
			t.Errorf("session %d row reads %q", se.Number, when)
		}
	}
}

func TestSessionAgendaHasComputedStartTimes(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.sessions
	s.list.Select(2)
	se := s.cohort.Sessions[2]
	if !strings.Contains(s.title.Text, "Définir ses structures et processus") {
		t.Errorf("title %q", s.title.Text)
	}
	if s.when.Text != "mercredi 16 décembre 2026, 18\u00a0h\u00a030 (America/Toronto)" {
		t.Errorf("date line %q", s.when.Text)
	}
	if s.total.Text != "1\u00a0h\u00a030 prévues sur 1\u00a0h\u00a030" || s.total.Importance != widget.SuccessImportance {
		t.Errorf("total %q (importance %v)", s.total.Text, s.total.Importance)
	}
	if len(s.slots) != len(se.Blocks) {
		t.Fatalf("%d slots for %d blocks", len(s.slots), len(se.Blocks))
	}
	// Each row shows its start: 18 h 30 plus the minutes of the blocks before it.
	start := se.StartsAt
	for i, b := range se.Blocks {
		row := s.agendaList.CreateItem()
		s.updateAgendaRow(i, row)
		left := row.(*fyne.Container).Objects[1].(*fyne.Container)
		got := left.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).Text
		if want := u.lang().Clock(start); got != want {
			t.Errorf("block %d %q starts at %q, want %q", i, b.Title, got, want)
		}
		start = start.Add(time.Duration(b.Minutes) * time.Minute)
	}
	if last := s.slots[len(s.slots)-1].End; last.Hour() != 20 || last.Minute() != 0 {
		t.Errorf("session ends at %v, want 20 h", last)
	}
	s.agendaList.Select(1)
	if s.editor.notes.Text != se.Blocks[1].Notes || s.editor.material.Text != se.Blocks[1].Materials {
		t.Errorf("block editor shows %q / %q", s.editor.notes.Text, s.editor.material.Text)
	}
}

func TestExportsBackup(t *testing.T) {
	u, _ := newTestUI(t)
	u.nav.Select(4)
	e := newExportsScreen(u)
	path := filepath.Join(t.TempDir(), "copie.db")
	e.backup(path)
	if !e.backupNote.root.Visible() || e.backupNote.label.Text != "Sauvegarde écrite\u00a0: copie.db" {
		t.Fatalf("done %q", e.backupNote.label.Text)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if list, _ := st.Cohorts(context.Background()); len(list) != 1 {
		t.Errorf("backup holds %v", list)
	}
	csvPath := filepath.Join(t.TempDir(), "liste.csv")
	e.exportRoster(csvPath)
	if data, err := os.ReadFile(csvPath); err != nil || !strings.HasPrefix(string(data), "\ufeffNom,Pronoms,Courriel") {
		t.Errorf("roster csv %q, %v", data, err)
	}
}

// walk calls fn on o and on everything under it. The labels that wrap or
// tip their own way are also given as the widget.Label they hold, which
// carries their whole text.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch v := o.(type) {
	case *wrapText:
		fn(&v.Label)
		return
	case *tipLabel:
		fn(&v.Label)
		return
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		r := test.TempWidgetRenderer(&testing.T{}, v)
		for _, c := range r.Objects() {
			walk(c, fn)
		}
	}
}

func TestCreateCohortFromCurriculum(t *testing.T) {
	u, st := newTestUI(t)
	u.createCohort(cohortForm{Name: "Cohorte hiver 2027", Date: "2027-01-13", Time: "19 h", TimeZone: "America/Toronto", Seats: "30", Facilitators: "Awa\n\nLéa\n"})
	if got := u.picker.Selected; got != "Cohorte hiver 2027" {
		t.Fatalf("picker shows %q after creating", got)
	}
	if len(u.picker.Options) != 2 {
		t.Errorf("picker options %v", u.picker.Options)
	}
	c := u.cohort
	if c.SeatLimit != 30 || strings.Join(c.Facilitators, ",") != "Awa,Léa" {
		t.Errorf("cohort %+v", c)
	}
	last := c.Sessions[4].StartsAt
	if last.Format("2006-01-02 15:04") != "2027-02-10 19:00" {
		t.Errorf("fifth session at %v", last)
	}
	// The choice is remembered for the next start.
	list, err := st.Cohorts(context.Background())
	if err != nil || u.svc.CurrentCohortID(context.Background(), list) != c.ID {
		t.Errorf("current cohort not remembered: %v", err)
	}
}

func TestCreateCohortRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		form cohortForm
		want string
	}{
		{"bad date", cohortForm{Name: "X", Date: "13/01/2027", Time: "18:30", TimeZone: "America/Toronto", Seats: "25"}, "AAAA-MM-JJ"},
		{"no name", cohortForm{Name: " ", Date: "2027-01-13", Time: "18:30", TimeZone: "America/Toronto", Seats: "25"}, "nom de la cohorte"},
		{"seats", cohortForm{Name: "X", Date: "2027-01-13", Time: "18:30", TimeZone: "America/Toronto", Seats: "beaucoup"}, "nombre entier"},
		{"duplicate", cohortForm{Name: "Cohorte hiver 2026", Date: "2027-01-13", Time: "18:30", TimeZone: "America/Toronto", Seats: "25"}, "porte déjà"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st := newTestUI(t)
			u.createCohort(tt.form)
			list, _ := st.Cohorts(context.Background())
			if len(list) != 1 {
				t.Errorf("%d cohorts after a refused creation", len(list))
			}
			top := u.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no error dialog")
			}
			var text string
			walk(top, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok {
					text += l.Text + "\n"
				}
			})
			if !strings.Contains(text, tt.want) {
				t.Errorf("dialog says %q, want it to mention %q", text, tt.want)
			}
		})
	}
}

func TestSwitchToEnglishIsRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	if u.areas[1].title != "Sessions" || u.areas[0].title != "Participants" {
		t.Errorf("navigation in English reads %q, %q", u.areas[0].title, u.areas[1].title)
	}
	if !strings.HasPrefix(u.sessions.title.Text, "Session 1 — ") {
		t.Errorf("session title %q", u.sessions.title.Text)
	}
	if got := config.LoadPrefs(u.opts.PrefsPath).Language; got != "en" {
		t.Errorf("saved language %q", got)
	}
}

func TestParseClock(t *testing.T) {
	for _, in := range []string{"18:30", "18 h 30", "18h30", "18\u00a0h\u00a030"} {
		if c, err := parseClock(in); err != nil || c.Hour() != 18 || c.Minute() != 30 {
			t.Errorf("%q: %v, %v", in, c, err)
		}
	}
	if c, err := parseClock("9 h"); err != nil || c.Hour() != 9 || c.Minute() != 0 {
		t.Errorf("9 h: %v, %v", c, err)
	}
	for _, in := range []string{"", "demain", "25:00", "18:75"} {
		if _, err := parseClock(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestEditCohort(t *testing.T) {
	u, st := newTestUI(t)
	e := cohortEdit{Name: "Cohorte des fêtes", Seats: "12", Facilitators: "Awa\nLéa", Sessions: []string{
		"2026-12-02 18:30", "2026-12-09 18 h 30", "2026-12-16 18:30", "2027-01-06 19:00", "2027-01-13 18:30"}}
	u.saveCohort(e)
	c, err := st.Cohort(context.Background(), u.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Cohorte des fêtes" || c.SeatLimit != 12 || len(c.Facilitators) != 2 || u.picker.Selected != c.Name {
		t.Errorf("saved %+v, picker %q", c, u.picker.Selected)
	}
	if got := c.Sessions[3].StartsAt.Format("2006-01-02 15:04"); got != "2027-01-06 19:00" {
		t.Errorf("session 4 at %s", got)
	}
	if want := "Réglages de la cohorte «\u00a0Cohorte des fêtes\u00a0» enregistrés."; !u.notice.root.Visible() || u.notice.label.Text != want {
		t.Errorf("notice %v %q", u.notice.root.Visible(), u.notice.label.Text)
	}
	bad := e
	bad.Sessions = append([]string(nil), e.Sessions...)
	bad.Sessions[1] = "mercredi"
	bad.Seats = "0"
	u.saveCohort(bad)
	if text := dialogText(u); !strings.Contains(text, "Séance 2") || !strings.Contains(text, "au moins 1") {
		t.Errorf("error dialog %q", text)
	}
	if c2, _ := st.Cohort(context.Background(), u.cohort.ID); c2.SeatLimit != 12 {
		t.Error("a refused edit was saved")
	}
}
