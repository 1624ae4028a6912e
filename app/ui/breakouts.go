package ui

import (
	"cmp"
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
	"atelier/app/domain/breakout"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// breakoutDialog splits the people present at a session into groups,
// avoiding pairs that already met, and keeps the groups with the session.
type breakoutDialog struct {
	ui      *UI
	session course.Session
	names   map[int64]string
	present []int64
	groups  [][]int64
	history [][]int64
	seed    int64

	// Two ways to form the groups, each with its own number: groups of
	// size people, or count groups. Only the chosen one's box is on.
	bySize, byCount *widget.RadioGroup
	size, count     *widget.Entry
	info            *wrapText
	text            *widget.Entry
	copy            *widget.Button
	dialog          dialog.Dialog
}

// onGroups opens the breakout groups of the session being run.
func (l *liveScreen) onGroups() { l.ui.openBreakouts(l.session) }

func (u *UI) openBreakouts(se course.Session) *breakoutDialog {
	ctx := context.Background()
	people, err := u.store.Participants(ctx, u.cohort.ID)
	if err != nil {
		u.showError(lang.X("roster.err.load", "Impossible de lire la liste des personnes inscrites."), err)
		return nil
	}
	marks, err := u.store.SessionAttendance(ctx, se.ID)
	if err != nil {
		u.showError(lang.X("checkin.err.load", "Impossible de lire les présences de la séance."), err)
		return nil
	}
	b := &breakoutDialog{ui: u, session: se, names: map[int64]string{}, seed: u.svc.Now().UnixNano()}
	participants.SortByName(people)
	attended := map[int64]bool{}
	for _, m := range marks {
		attended[m.ParticipantID] = m.Mark.Attended()
	}
	for _, p := range people {
		b.names[p.ID] = p.Name
		if attended[p.ID] {
			b.present = append(b.present, p.ID)
		}
	}
	if b.history, err = u.store.BreakoutHistory(ctx, u.cohort.ID, se.Number); err != nil {
		u.showError(lang.X("groups.err.load", "Les sous-groupes n’ont pas pu être lus."), err)
		return nil
	}
	if b.groups, err = u.store.Breakout(ctx, se.ID); err != nil {
		u.showError(lang.X("groups.err.load", "Les sous-groupes n’ont pas pu être lus."), err)
		return nil
	}
	b.chooser()
	split := widget.NewButtonWithIcon(lang.X("groups.split", "Former les groupes"), theme.ViewRefreshIcon(), b.onSplit)
	split.Importance = widget.HighImportance
	b.info = wrapped("")
	b.text = widget.NewMultiLineEntry()
	b.text.Wrapping = fyne.TextWrapWord
	b.copy = u.copyButton(lang.X("groups.copy", "Copier pour le clavardage"), func() string { return b.text.Text })
	save := widget.NewButtonWithIcon(lang.X("groups.save", "Garder avec la séance"), theme.DocumentSaveIcon(), b.onSave)
	closeBtn := widget.NewButton(lang.X("action.close", "Fermer"), func() { b.dialog.Hide() })
	box := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(70, e.MinSize().Height), e)
	}
	top := container.NewVBox(
		container.NewHBox(container.NewVBox(
			container.NewHBox(b.bySize, box(b.size), widget.NewLabel(lang.X("groups.bysize.unit", "personnes"))),
			container.NewHBox(b.byCount, box(b.count), widget.NewLabel(lang.X("groups.bycount.unit", "groupes")))),
			container.NewCenter(split)),
		b.info)
	b.dialog = dialog.NewCustomWithoutButtons(lang.X("groups.title", "Sous-groupes — {{.Session}}", map[string]any{"Session": sessionName(se.Number)}),
		container.NewBorder(top, container.NewHBox(closeBtn, b.copy, save), nil, nil, b.text), u.win)
	b.show()
	b.dialog.Resize(fyne.NewSize(720, 560))
	b.dialog.Show()
	return b
}

// chooser builds the two ways to form groups, as last chosen (kept in the
// preferences: a facilitator tends to keep one way from week to week).
func (b *breakoutDialog) chooser() {
	choice := b.ui.prefs().Breakout
	bySize := lang.X("groups.bysize", "Groupes de")
	byCount := lang.X("groups.bycount.lead", "Répartir en")
	b.size, b.count = widget.NewEntry(), widget.NewEntry()
	b.size.SetText(strconv.Itoa(cmp.Or(choice.Size, 4)))
	b.count.SetText(strconv.Itoa(cmp.Or(choice.Groups, 3)))
	// Two groups of one option each, so that each number box sits on its
	// option's line; choosing one clears the other.
	b.bySize = widget.NewRadioGroup([]string{bySize}, nil)
	b.byCount = widget.NewRadioGroup([]string{byCount}, nil)
	b.bySize.Required, b.byCount.Required = true, true
	b.bySize.OnChanged = func(s string) {
		if s != "" {
			b.pick(false)
		}
	}
	b.byCount.OnChanged = func(s string) {
		if s != "" {
			b.pick(true)
		}
	}
	b.pick(choice.ByCount)
}

// pick makes byCount (or groups of a size) the way chosen.
func (b *breakoutDialog) pick(byCount bool) {
	on, off := b.bySize, b.byCount
	onBox, offBox := b.size, b.count
	if byCount {
		on, off, onBox, offBox = off, on, offBox, onBox
	}
	if on.Selected == "" {
		on.SetSelected(on.Options[0])
	}
	if off.Selected != "" {
		off.SetSelected("")
	}
	onBox.Enable()
	offBox.Disable()
}

// counting reports whether the groups are formed by their number.
func (b *breakoutDialog) counting() bool { return b.byCount.Selected != "" }

// options reads the size or count typed in the box chosen.
func (b *breakoutDialog) options() (breakout.Options, error) {
	box := b.size
	if b.counting() {
		box = b.count
	}
	n, err := strconv.Atoi(strings.TrimSpace(box.Text))
	if err != nil {
		return breakout.Options{}, usererr.New("%s", lang.X("groups.err.number", "Indiquez un nombre entier."))
	}
	opt := breakout.Options{Seed: b.seed}
	if b.counting() {
		opt.Groups = n
	} else {
		opt.Size = n
	}
	return opt, opt.Validate()
}

// remember keeps the way the groups were just formed for the next time.
func (b *breakoutDialog) remember(opt breakout.Options) {
	b.ui.savePrefs("the breakout choice", func(p *config.Prefs) {
		p.Breakout.ByCount = opt.Groups > 0
		if opt.Groups > 0 {
			p.Breakout.Groups = opt.Groups
		} else {
			p.Breakout.Size = opt.Size
		}
	})
}

// onSplit forms new groups (another draw each time).
func (b *breakoutDialog) onSplit() {
	if len(b.present) == 0 {
		b.ui.showError(lang.X("groups.err.nobody", "Personne n’est marqué·e présent·e à cette séance."),
			usererr.New("%s", lang.X("groups.err.nobody.hint", "Marquez d’abord les présences dans Participant·e·s › Accueil en séance, ou importez le rapport de la visio.")))
		return
	}
	opt, err := b.options()
	if err == nil {
		b.groups, err = breakout.Split(b.present, b.history, opt)
	}
	if err != nil {
		b.ui.showError(lang.X("groups.err.split", "Les groupes n’ont pas pu être formés."), err)
		return
	}
	b.remember(opt)
	b.seed++
	b.show()
}

// show writes the groups as the text pasted into the video tool's chat.
func (b *breakoutDialog) show() {
	title := sessionName(b.session.Number)
	if len(b.groups) == 0 {
		b.text.SetText("")
		b.info.SetText(lang.XN("groups.present", "{{.N}} personne présente. Choisissez la taille ou le nombre des groupes, puis «\u00a0Former les groupes\u00a0».", len(b.present), map[string]any{"N": b.ui.lang().Int(len(b.present))}))
		return
	}
	b.sortMembers()
	b.text.SetText(breakout.Text(breakout.Names(b.groups, func(id int64) string { return b.names[id] }), title))
	repeats := breakout.Repeats(b.groups, b.history)
	b.info.SetText(lang.X("groups.info", "{{.Groups}} groupes pour {{.People}} personnes · paires déjà réunies lors des séances précédentes\u00a0: {{.Repeats}}",
		map[string]any{"Groups": b.ui.lang().Int(len(b.groups)), "People": b.ui.lang().Int(countMembers(b.groups)), "Repeats": b.ui.lang().Int(repeats)}))
}

// sortMembers puts each group's members in alphabetical order, so that the
// text reads the same however the groups were made or stored.
func (b *breakoutDialog) sortMembers() {
	for i, g := range b.groups {
		people := make([]participants.Participant, len(g))
		for j, id := range g {
			people[j] = participants.Participant{ID: id, Name: b.names[id]}
		}
		participants.SortByName(people)
		for j, p := range people {
			b.groups[i][j] = p.ID
		}
	}
}

func countMembers(groups [][]int64) int {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	return n
}

func (b *breakoutDialog) onSave() {
	if err := b.ui.store.SaveBreakout(context.Background(), b.session.ID, b.groups); err != nil {
		b.ui.showError(lang.X("groups.err.save", "Les sous-groupes n’ont pas été enregistrés."), err)
		return
	}
	b.info.SetText(b.info.Text + " · " + lang.X("groups.saved", "gardés avec la séance"))
	if l := b.ui.live; l != nil && l.session.ID == b.session.ID {
		l.groupsChanged()
	}
}
