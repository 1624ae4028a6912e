package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/formats/registration"
)

// fieldLabel names a column mapping in the interface language.
func fieldLabel(f registration.Field) string {
	switch f {
	case registration.FieldNote:
		return lang.X("field.note", "Note (colonne conservée)")
	case registration.FieldName:
		return lang.X("field.name", "Nom")
	case registration.FieldFirstName:
		return lang.X("field.first", "Prénom")
	case registration.FieldLastName:
		return lang.X("field.last", "Nom de famille")
	case registration.FieldEmail:
		return lang.X("field.email", "Courriel")
	case registration.FieldPronouns:
		return lang.X("field.pronouns", "Pronoms")
	case registration.FieldOrganisation:
		return lang.X("field.org", "Groupe ou organisation")
	case registration.FieldCity:
		return lang.X("field.city", "Ville ou région")
	case registration.FieldPhone:
		return lang.X("field.phone", "Téléphone")
	case registration.FieldAccessibility:
		return lang.X("field.access", "Besoins d’accessibilité")
	case registration.FieldConsent:
		return lang.X("field.consent", "Accepte d’être contacté·e")
	case registration.FieldTimestamp:
		return lang.X("field.timestamp", "Date d’inscription")
	case registration.FieldIgnore:
		return lang.X("field.ignore", "Ignorer cette colonne")
	}
	return f.Label()
}

// onImport picks a registration export and reads it off the UI goroutine.
func (r *rosterScreen) onImport() {
	r.ui.openData([]string{".csv", ".tsv", ".txt", ".xlsx"}, func(name string, data []byte) {
		loc := r.ui.cohort.Location()
		var sheet *registration.Sheet
		var err error
		r.ui.busy(lang.X("import.reading", "Lecture du fichier…"),
			func() { sheet, err = registration.Parse(bytes.NewReader(data), name, loc) },
			func() { r.previewImport(name, sheet, err) })
	})
}

// importPreview is the dialog that shows how a file will be read and what
// importing it will change, before anything is written.
type importPreview struct {
	r       *rosterScreen
	name    string
	sheet   *registration.Sheet
	result  registration.Result
	summary *wrapText
	mapping *fyne.Container // header and choice of each column, row by row
	fields  []*widget.Select
	scroll  *container.Scroll
	rows    *widget.List
	confirm *widget.Button
	dialog  dialog.Dialog
}

// previewImport shows the preview of a parsed sheet, or why it is unusable.
func (r *rosterScreen) previewImport(name string, sheet *registration.Sheet, err error) *importPreview {
	if err != nil {
		r.ui.showError(lang.X("import.err.unusable", "Ce fichier ne peut pas être importé\u202f; rien n’a été modifié."), err)
		return nil
	}
	p := &importPreview{r: r, name: name, sheet: sheet}
	p.summary = wrapped("")
	p.summary.TextStyle = fyne.TextStyle{Bold: true}

	p.mapping = container.NewGridWithColumns(2)
	var options []string
	for _, f := range registration.Fields() {
		options = append(options, fieldLabel(f))
	}
	for i, col := range sheet.Columns {
		header := widget.NewLabel(col.Header)
		header.Truncation = fyne.TextTruncateEllipsis
		sel := widget.NewSelect(options, nil)
		sel.SetSelected(fieldLabel(col.Field))
		sel.OnChanged = func(string) {
			sheet.SetField(i, registration.Fields()[sel.SelectedIndex()])
			p.replan()
		}
		p.mapping.Add(header)
		p.mapping.Add(sel)
		p.fields = append(p.fields, sel)
	}
	p.rows = widget.NewList(
		func() int { return len(sheet.Rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("ligne 9999 · Marie-Ève Lévesque-Tremblay · courriel")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { p.updateRow(id, o.(*widget.Label)) },
	)
	format := sheet.Format
	if sheet.Encoding != "" {
		format += ", " + sheet.Encoding
	}
	if sheet.Delimiter != 0 {
		format += ", " + lang.X("import.delimiter", "séparateur «\u00a0{{.D}}\u00a0»", map[string]any{"D": delimiterName(sheet.Delimiter)})
	}
	info := widget.NewLabel(fmt.Sprintf("%s · %s · %s", name, format,
		lang.XN("import.rows", "{{.N}} ligne", len(sheet.Rows), map[string]any{"N": p.r.ui.lang().Int(len(sheet.Rows))})))
	p.scroll = container.NewVScroll(p.mapping)
	head := []fyne.CanvasObject{info}
	for _, w := range sheet.Warnings { // bytes that are not UTF-8, said with their lines
		warn := wrapped(p.r.ui.message(w))
		warn.Importance = widget.WarningImportance
		head = append(head, warn)
	}
	heading := widget.NewLabelWithStyle(lang.X("import.mapping", "Colonnes du fichier et ce qu’elles deviennent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	mappingPart := container.NewBorder(heading, nil, nil, nil, p.scroll)
	lines := container.New(&mappingLayout{
		want: func() float32 { return heading.MinSize().Height + theme.Padding() + p.mapping.MinSize().Height },
		line: widget.NewSelect(nil, nil).MinSize().Height + theme.Padding(),
	}, mappingPart, container.NewBorder(widget.NewSeparator(), nil, nil, nil, p.rows))
	body := container.NewBorder(container.NewVBox(append(head, p.summary)...), nil, nil, nil, lines)

	p.confirm = widget.NewButton(lang.X("import.confirm", "Importer"), p.apply)
	p.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("action.cancel", "Annuler"), func() { p.dialog.Hide() })
	p.dialog = dialog.NewCustomWithoutButtons(lang.X("import.title", "Importer des inscriptions"),
		container.NewBorder(nil, container.NewHBox(cancel, p.confirm), nil, nil, body), r.ui.win)
	p.replan()
	p.dialog.Resize(fyne.NewSize(900, 900)) // as tall as the window allows: the mapping takes what it needs
	p.dialog.Show()
	return p
}

// mappingLayout stacks the column mapping over the rows of the file. The
// mapping gets the height that shows every column, as long as the rows keep
// room for a few lines; in a smaller window it scrolls. Its minimum stays a
// few lines too, so that the dialog fits a 1024×600 screen.
type mappingLayout struct {
	want func() float32 // the mapping's height with every column in view
	line float32        // the height of one line of the mapping or of the rows
}

// keptLines is how many lines of each part stay in view whatever the size.
const keptLines = 3

func (l *mappingLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top, rows := objs[0], objs[1]
	pad := theme.Padding()
	h := min(l.want(), size.Height-pad-l.rowsMin(rows))
	h = max(h, top.MinSize().Height, l.topMin())
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, h))
	rows.Move(fyne.NewPos(0, h+pad))
	rows.Resize(fyne.NewSize(size.Width, max(size.Height-h-pad, 0)))
}

func (l *mappingLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	top, rows := objs[0], objs[1]
	return fyne.NewSize(max(top.MinSize().Width, rows.MinSize().Width),
		max(top.MinSize().Height, l.topMin())+theme.Padding()+l.rowsMin(rows))
}

func (l *mappingLayout) topMin() float32 { return min(l.want(), (keptLines+1)*l.line) }

func (l *mappingLayout) rowsMin(rows fyne.CanvasObject) float32 {
	return max(rows.MinSize().Height, keptLines*l.line)
}

func delimiterName(d rune) string {
	switch d {
	case '\t':
		return lang.X("import.tab", "tabulation")
	case ';':
		return ";"
	case ',':
		return ","
	}
	return string(d)
}

// replan recomputes what the import will do after a mapping change.
func (p *importPreview) replan() {
	result, err := p.r.ui.svc.PlanImport(context.Background(), p.r.ui.cohort, p.sheet)
	if err != nil {
		p.r.ui.showError(lang.X("roster.err.load", "Impossible de lire la liste des personnes inscrites."), err)
		return
	}
	p.result = result
	p.summary.SetText(lang.X("import.plan", "Si vous importez\u00a0: {{.Summary}}", map[string]any{"Summary": p.result.Summary()}))
	n := len(p.result.Add) + len(p.result.Update)
	p.confirm.SetText(lang.XN("import.confirm.n", "Importer {{.N}} personne", n, map[string]any{"N": n}))
	if n == 0 {
		p.confirm.Disable()
	} else {
		p.confirm.Enable()
	}
	p.rows.Refresh()
}

func (p *importPreview) updateRow(id widget.ListItemID, l *widget.Label) {
	if id >= len(p.sheet.Rows) {
		return
	}
	row := p.sheet.Rows[id]
	parts := []string{lang.X("import.line", "ligne {{.N}}", map[string]any{"N": row.Line})}
	if row.Err != nil {
		parts = append(parts, lang.X("import.rejected", "rejetée\u00a0: {{.Why}}", map[string]any{"Why": p.r.ui.message(row.Err)}))
		l.Importance = widget.DangerImportance
	} else {
		pp := row.Participant
		parts = append(parts, pp.Name)
		for _, f := range []string{pp.Email, pp.Organisation, pp.City} {
			if f != "" {
				parts = append(parts, f)
			}
		}
		if row.Warning != nil {
			parts = append(parts, p.r.ui.message(row.Warning))
		}
		l.Importance = widget.MediumImportance
	}
	l.SetText(strings.Join(parts, " · "))
}

// apply writes the import in one transaction (planned again against the
// roster as it is then) and says what it did.
func (p *importPreview) apply() {
	done, err := p.r.ui.svc.ImportRoster(context.Background(), p.r.ui.cohort.ID, p.sheet)
	if err != nil {
		p.r.ui.showError(lang.X("import.err.write", "L’importation n’a pas été enregistrée\u202f; rien n’a été modifié."), err)
		return
	}
	p.result = done
	p.dialog.Hide()
	p.r.changed(p.r.selected)
	dialog.ShowInformation(lang.X("import.done.title", "Importation terminée"), done.Summary(), p.r.ui.win)
}
