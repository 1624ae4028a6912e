package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
	"atelier/app/domain/participants"
	"atelier/app/i18n"
)

// clipped lists what a person could not read whole on canvas c: a text
// cut short (with « … » or without), a word or a courriel broken where a
// person would not break it, a line broken at a no-break space, a widget
// given less room than its text needs, or one that lies past the window's
// edge with no scroll to reach it.
func clipped(c fyne.Canvas) []string {
	var found []string
	seen := map[string]bool{}
	say := func(format string, args ...any) {
		if s := fmt.Sprintf(format, args...); !seen[s] {
			seen[s] = true
			found = append(found, s)
		}
	}
	size := c.Size()
	var visit func(o fyne.CanvasObject, at fyne.Position, view seenArea, tipped bool)
	visit = func(o fyne.CanvasObject, at fyne.Position, view seenArea, tipped bool) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		sz := o.Size()
		if sz.Width <= 0 || sz.Height <= 0 {
			return // not laid out: a template, a tab never shown
		}
		text := textOf(o)
		if b, ok := o.(*widget.Button); ok && text == "" && b.Icon != nil {
			text = "the button " + b.Icon.Name()
		}
		if text != "" && !view.holds(pos, sz) {
			say("« %s » ends at %.0f × %.0f, past the edge of what it is shown in (%.0f × %.0f)", text, pos.X+sz.Width, pos.Y+sz.Height, view.end.X, view.end.Y)
		}
		if _, ok := o.(*tipLabel); ok {
			tipped = true // cut, but whole under the pointer
		}
		switch w := o.(type) {
		case *widget.RichText:
			if tipped && w.Truncation != fyne.TextTruncateOff {
				break
			}
			for _, problem := range richTextProblems(w) {
				say("%s", problem)
			}
		case *wrapText:
			for _, problem := range wrapTextProblems(w) {
				say("%s", problem)
			}
		case *widget.Button, *widget.Check, *widget.Hyperlink, *widget.Select:
			if m := o.MinSize(); sz.Width+1 < m.Width {
				say("« %s » is %.0f wide, its text needs %.0f", textOf(o), sz.Width, m.Width)
			}
		case *widget.Label:
			if m := o.MinSize(); w.Truncation == fyne.TextTruncateOff && w.Wrapping == fyne.TextWrapOff && sz.Width+1 < m.Width {
				say("« %s » is %.0f wide, its text needs %.0f", w.Text, sz.Width, m.Width)
			}
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, child := range w.Objects {
				visit(child, pos, view, tipped)
			}
		case *container.Scroll:
			// A scroll reaches what lies past it in the way it scrolls,
			// not the other way; a row of buttons that has to be scrolled
			// sideways to be seen whole is cut all the same.
			inner := view.within(pos, sz)
			if w.Direction == container.ScrollVerticalOnly || w.Direction == container.ScrollBoth {
				inner.start.Y, inner.end.Y = -far, far
			}
			if w.Direction == container.ScrollHorizontalOnly || w.Direction == container.ScrollBoth {
				inner.start.X, inner.end.X = -far, far
			}
			if w.Content != nil && w.Direction == container.ScrollHorizontalOnly && w.Content.MinSize().Width > sz.Width+1 {
				say("a row of %.0f is shown in %.0f: « %s » and what follows must be scrolled to", w.Content.MinSize().Width, sz.Width, firstText(w.Content))
			}
			visit(w.Content, pos, inner, tipped)
		case *widget.Entry:
			// What was typed scrolls inside the field; only the placeholder
			// must fit on its line (a field of several lines wraps it).
			if w.Text == "" && w.PlaceHolder != "" && (!w.MultiLine || w.Wrapping == fyne.TextWrapOff) {
				if need := fyne.MeasureText(w.PlaceHolder, textSize(), fyne.TextStyle{}).Width + 4*innerPadding(); sz.Width+1 < need {
					say("the field « %s » is %.0f wide, its placeholder needs %.0f", w.PlaceHolder, sz.Width, need)
				}
			}
		case fyne.Widget:
			_, list := o.(*widget.List)
			_, table := o.(*widget.Table)
			inner := view
			switch {
			case table:
				inner = seenArea{start: fyne.NewPos(-far, -far), end: fyne.NewPos(far, far)} // its cells scroll both ways
			case list:
				inner = view.within(pos, sz) // its rows scroll up and down
				inner.start.Y, inner.end.Y = -far, far
			}
			for _, child := range test.WidgetRenderer(w).Objects() {
				visit(child, pos, inner, tipped)
			}
		}
	}
	window := seenArea{end: fyne.NewPos(size.Width, size.Height)}
	visit(c.Content(), fyne.Position{}, window, false)
	for _, overlay := range c.Overlays().List() {
		visit(overlay, fyne.Position{}, window, false)
	}
	return found
}

// far is further than any screen: the way a scroll reaches.
const far = 1e9

// seenArea is the part of the window an object can be seen in: the window,
// narrowed by each scroll it lies in to the way that scroll does not go.
type seenArea struct{ start, end fyne.Position }

// holds says whether an object at pos of size sz lies within a, to a
// pixel.
func (a seenArea) holds(pos fyne.Position, sz fyne.Size) bool {
	return pos.X+1 >= a.start.X && pos.Y+1 >= a.start.Y && pos.X+sz.Width <= a.end.X+1 && pos.Y+sz.Height <= a.end.Y+1
}

// within is a narrowed to the box at pos of size sz.
func (a seenArea) within(pos fyne.Position, sz fyne.Size) seenArea {
	return seenArea{
		start: fyne.NewPos(max(a.start.X, pos.X), max(a.start.Y, pos.Y)),
		end:   fyne.NewPos(min(a.end.X, pos.X+sz.Width), min(a.end.Y, pos.Y+sz.Height)),
	}
}

// firstText is the first text found in o, to name a row in a message.
func firstText(o fyne.CanvasObject) string {
	if t := textOf(o); t != "" {
		return t
	}
	var found string
	walk(o, func(c fyne.CanvasObject) {
		if found == "" {
			found = textOf(c)
		}
	})
	return found
}

// richTextProblems compares what t holds with the lines it draws.
func richTextProblems(t *widget.RichText) []string {
	var full strings.Builder
	for _, s := range t.Segments {
		if tx, ok := s.(interface{ Textual() string }); ok {
			full.WriteString(tx.Textual())
		}
	}
	want := full.String()
	var lines []string
	for _, o := range test.WidgetRenderer(t).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
			lines = append(lines, tx.Text)
		}
	}
	if strings.TrimSpace(want) == "" || len(lines) == 0 {
		return nil
	}
	if t.Truncation != fyne.TextTruncateOff {
		got := strings.Join(lines, "")
		if got != want && !strings.Contains(want, "\n") {
			return []string{fmt.Sprintf("« %s » is cut to « %s »", want, got)}
		}
		return nil
	}
	if t.Wrapping != fyne.TextWrapWord {
		return nil
	}
	return lineProblems(want, lines)
}

// wrapTextProblems checks the lines a wrapText broke its text into: where
// they break, and that each fits the label.
func wrapTextProblems(w *wrapText) []string {
	var lines []string
	var problems []string
	room := w.Size().Width - 2*innerPadding()
	for _, o := range test.WidgetRenderer(w.drawn).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
			lines = append(lines, tx.Text)
			if width := fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle).Width; width > room+1 {
				problems = append(problems, fmt.Sprintf("« %s » is %.0f wide, in a label of %.0f", tx.Text, width, room))
			}
		}
	}
	return append(problems, lineProblems(w.Text, lines)...)
}

// lineProblems compares text with the lines it was broken into.
func lineProblems(want string, lines []string) []string {
	if len(lines) < 2 {
		return nil
	}
	var problems []string
	rest := want
	for i, line := range lines {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if !strings.HasPrefix(rest, line) {
			return problems // a segment drawn otherwise: leave it
		}
		rest = rest[len(line):]
		if i == len(lines)-1 || rest == "" {
			break
		}
		if line == "" || strings.HasPrefix(rest, "\n") {
			continue // a paragraph ends
		}
		last, _ := utf8.DecodeLastRuneInString(line)
		next, _ := utf8.DecodeRuneInString(rest)
		switch {
		case next == '\u00a0' || next == '\u202f' || last == '«' || strings.ContainsRune(":;!?»", next):
			problems = append(problems, fmt.Sprintf("« %s » breaks at a no-break space: « …%s | %s… »", want, tail(line), head(rest)))
		case !unicode.IsSpace(next) && next != '\n' && !breaksAfter(last) && next != '@':
			problems = append(problems, fmt.Sprintf("« %s » breaks inside a word: « …%s | %s… »", want, tail(line), head(rest)))
		}
	}
	return problems
}

// breaksAfter is where a person breaks a long name or courriel: after a
// hyphen, a slash, a dot or an underscore.
func breaksAfter(r rune) bool { return strings.ContainsRune("-‐/._", r) }

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-12):])
}

func head(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 12)])
}

// textOf is the text o shows, for the messages.
func textOf(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Label:
		return w.Text
	case *wrapText:
		return w.Text
	case *widget.Button:
		return w.Text
	case *widget.Check:
		return w.Text
	case *widget.Hyperlink:
		return w.Text
	case *widget.Select:
		if w.Selected != "" {
			return w.Selected
		}
		return w.PlaceHolder
	case *widget.Entry:
		if w.Text != "" {
			return w.Text
		}
		return w.PlaceHolder
	}
	return ""
}

func textSize() float32     { return fyne.CurrentApp().Settings().Theme().Size("text") }
func innerPadding() float32 { return fyne.CurrentApp().Settings().Theme().Size("innerPadding") }

// clippingUI is a roster whose names and courriels are as long as real
// ones get, with a person shown.
func clippingUI(t *testing.T) *UI {
	u, _ := rosterUI(t)
	ctx := context.Background()
	for _, p := range []participants.Participant{
		{Name: "Marie-Ève Bouchard-Saint-Amand", Pronouns: "elle/iel", Email: "marie-eve.bouchard-saint-amand@exemple.org",
			Organisation: "Regroupement des comités logement et associations de locataires du Québec"},
		{Name: "Jean-François Létourneau-Papineau", Email: "jf.letourneau-papineau@coop-habitation-exemple.qc.ca"},
	} {
		if _, err := u.svc.AddPerson(ctx, u.cohort.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	u.loadCohorts(u.cohort.ID)
	return u
}

// TestNothingClipped goes through every area, in both languages, at the
// two screen sizes facilitators have, and lists what could not be read.
func TestNothingClipped(t *testing.T) {
	u := clippingUI(t)
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	t.Cleanup(func() { u.setLook(config.Look{}) })
	small, laptop := fyne.Size{Width: 1024, Height: 600}, fyne.Size{Width: 1280, Height: 720}
	for _, c := range []struct {
		language string
		size     fyne.Size
		look     config.Look
	}{
		{"fr", small, config.Look{}}, {"fr", laptop, config.Look{}},
		{"en", small, config.Look{}}, {"en", laptop, config.Look{}},
		// Grand texte is for a large screen or tired eyes: the laptop's.
		{"fr", laptop, config.Look{BigText: true}}, {"en", laptop, config.Look{BigText: true, HighContrast: true}},
	} {
		language, size := c.language, c.size
		u.setLanguage(language)
		u.setLook(c.look)
		{
			u.win.Resize(size)
			check := func(what string) {
				for _, p := range clipped(u.win.Canvas()) {
					t.Errorf("%s, %s, %v, %+v: %s", language, what, size, c.look, p)
				}
			}
			for i, a := range u.areas {
				u.nav.Select(i)
				check(a.title)
				switch i {
				case areaPeople:
					r := u.roster
					r.selectPerson(r.list[len(r.list)-1].ID)
					check(a.title + ", a person shown")
					u.people.SelectIndex(1)
					check(a.title + ", check-in")
					u.people.SelectIndex(0)
				case areaSessions:
					s := u.sessions
					for tab := range s.tabs.Items {
						s.tabs.SelectIndex(tab)
						check(fmt.Sprintf("%s, tab %s", a.title, s.tabs.Items[tab].Text))
					}
					s.tabs.SelectIndex(0)
					s.agendaList.Select(1)
					check(a.title + ", a block in the editor")
				case areaStructures:
					if u.structures.current.ID == 0 {
						u.structures.create("xr-groupe-local", "Groupe Rive-Sud")
					}
					check(a.title + ", a structure")
				case areaLibrary:
					u.library.list.Select(0)
					check(a.title + ", a resource shown")
				}
			}
			dialogs := func(what string, open func()) {
				open()
				if u.win.Canvas().Overlays().Top() == nil {
					t.Fatalf("%s: no dialog opened", what)
				}
				check(what)
				for u.win.Canvas().Overlays().Top() != nil {
					u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
				}
			}
			r := u.roster
			long := r.list[len(r.list)-2] // Marie-Ève Bouchard-Saint-Amand
			dialogs("Réglages", u.onSettings)
			dialogs("the cohort's settings", u.onEditCohort)
			dialogs("a new cohort", u.onNewCohort)
			dialogs("a person's form", func() { showPersonForm(u, long, func(participants.Participant) error { return nil }) })
			dialogs("a person's marks", func() { showMarksForm(r, long) })
			l := u.openLive(u.cohort.Sessions[2])
			check("live mode")
			l.onShare()
			check("live mode, sharing")
			for _, p := range clipped(l.shared.win.Canvas()) {
				t.Errorf("%s, the shared screen, %v, %+v: %s", language, size, c.look, p)
			}
			l.close(false)
		}
	}
}

// onScreen is what the window shows, under the tips' layer.
func (u *UI) onScreen() fyne.CanvasObject {
	return u.win.Content().(*fyne.Container).Objects[0]
}

// TestClippedSeesWhatIsCut: the check itself finds each way a text is lost.
func TestClippedSeesWhatIsCut(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("clip")
	cut := widget.NewLabel("Regroupement des comités logement et associations de locataires")
	cut.Truncation = fyne.TextTruncateEllipsis
	word := widget.NewLabel("Marie-ÈveBouchardSaintAmand")
	word.Wrapping = fyne.TextWrapWord
	quote := widget.NewLabel("Le bloc « Tour de table » commence")
	quote.Wrapping = fyne.TextWrapWord
	squeezed := widget.NewButton("Enregistrer les présences", nil)
	low := widget.NewLabel("Sous la fenêtre")
	// A row of buttons scrolled sideways, a form wider than the vertical
	// scroll it is in: both hide what a person must scroll to or cannot
	// reach.
	row := container.NewHScroll(container.NewHBox(widget.NewButton("Revenir au programme", nil), widget.NewButton("Former les groupes…", nil)))
	form := container.NewVScroll(container.NewWithoutLayout(widget.NewLabel("Matériel")))
	form.Content.(*fyne.Container).Objects[0].Move(fyne.NewPos(60, 0))
	form.Content.(*fyne.Container).Objects[0].Resize(fyne.NewSize(100, 30))
	content := container.NewWithoutLayout(cut, word, quote, squeezed, low, row, form)
	w.SetContent(content)
	w.Resize(fyne.NewSize(400, 300))
	cut.Move(fyne.NewPos(0, 0))
	cut.Resize(fyne.NewSize(150, 40))
	word.Move(fyne.NewPos(0, 40))
	word.Resize(fyne.NewSize(120, 80))
	// Only « Le bloc « fits on the first line: Fyne breaks at the
	// no-break space after the guillemet.
	quote.Move(fyne.NewPos(0, 120))
	quote.Resize(fyne.NewSize(fyne.MeasureText("Le bloc «", textSize(), fyne.TextStyle{}).Width+2*innerPadding()+2, 120))
	quote.SetText("Le bloc «\u00a0Tour de table\u00a0» commence")
	squeezed.Move(fyne.NewPos(200, 0))
	squeezed.Resize(fyne.NewSize(60, 40))
	low.Move(fyne.NewPos(200, 280))
	low.Resize(fyne.NewSize(150, 40))
	row.Move(fyne.NewPos(200, 60))
	row.Resize(fyne.NewSize(150, 40))
	form.Move(fyne.NewPos(200, 120))
	form.Resize(fyne.NewSize(100, 100))
	got := strings.Join(clipped(w.Canvas()), "\n")
	for _, want := range []string{
		"« Regroupement des comités logement et associations de locataires » is cut to",
		"« Marie-ÈveBouchardSaintAmand » breaks inside a word",
		"breaks at a no-break space",
		"« Enregistrer les présences » is 60 wide",
		"« Sous la fenêtre » ends at",
		"« Revenir au programme » and what follows must be scrolled to",
		"« Matériel » ends at",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the check missed %q; it found:\n%s", want, got)
		}
	}
}
