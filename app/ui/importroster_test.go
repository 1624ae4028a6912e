package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"atelier/app/formats/registration"
	"atelier/app/kit/usererr"
)

func TestImportPreviewThenApply(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	f, err := os.Open(filepath.Join("..", "formats", "registration", "testdata", "excel-fr.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := registration.Parse(f, "excel-fr.csv", u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	p := r.previewImport("excel-fr.csv", sheet, nil)
	// Three seats were full: the newcomers go on the waiting list.
	if !strings.Contains(p.summary.Text, "3 personnes ajoutées (dont 3 en liste d’attente)") {
		t.Errorf("summary %q", p.summary.Text)
	}
	if p.confirm.Text != "Importer 3 personnes" || p.confirm.Disabled() {
		t.Errorf("confirm %q disabled %v", p.confirm.Text, p.confirm.Disabled())
	}
	n, _ := st.CountParticipants(context.Background(), u.cohort.ID)
	if n != 5 {
		t.Fatalf("the preview wrote: %d people", n)
	}
	p.apply()
	if n, _ := st.CountParticipants(context.Background(), u.cohort.ID); n != 8 || len(r.list) != 8 {
		t.Errorf("after import: %d stored, %d listed", n, len(r.list))
	}
	// The same file again adds nobody.
	f.Seek(0, 0)
	sheet, _ = registration.Parse(f, "excel-fr.csv", u.cohort.Location())
	p = r.previewImport("excel-fr.csv", sheet, nil)
	if !p.confirm.Disabled() || !strings.Contains(p.summary.Text, "0 personne ajoutée") {
		t.Errorf("second preview %q, disabled %v", p.summary.Text, p.confirm.Disabled())
	}
}

func TestImportUnusableFileSaysWhy(t *testing.T) {
	u, _ := rosterUI(t)
	if p := u.roster.previewImport("x.csv", nil, usererr.New("Ce fichier est vide.")); p != nil {
		t.Fatal("a preview for an unusable file")
	}
	if text := dialogText(u); !strings.Contains(text, "Ce fichier est vide.") || !strings.Contains(text, "rien n’a été modifié") {
		t.Errorf("dialog says %q", text)
	}
}

// previewFile opens the preview of a registration fixture.
func previewFile(t *testing.T, u *UI, name string) *importPreview {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "formats", "registration", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := registration.Parse(f, name, u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	return u.roster.previewImport(name, sheet, nil)
}

// The mapping lists every column of the file: all of them in view when
// the window has the room, in a scroll that reaches them all in a small
// one, with the buttons still on screen.
func TestImportMappingShowsEveryColumn(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 600}} {
		t.Run(fmt.Sprintf("%gx%g", size.Width, size.Height), func(t *testing.T) {
			u, _ := rosterUI(t)
			u.win.Resize(size)
			p := previewFile(t, u, "google-forms-fr.csv")
			if n := len(p.sheet.Columns); n != 10 || len(p.fields) != n || len(p.mapping.Objects) != 2*n {
				t.Fatalf("%d columns, %d choices, %d cells", n, len(p.fields), len(p.mapping.Objects))
			}
			for i, sel := range p.fields {
				if !slices.Contains(sel.Options, "Ignorer cette colonne") {
					t.Errorf("column %d cannot be ignored: %q", i, sel.Options)
				}
			}
			all := p.mapping.MinSize().Height
			if p.scroll.Content.Size().Height < all {
				t.Errorf("the scroll holds %g of %g", p.scroll.Content.Size().Height, all)
			}
			view := p.scroll.Size().Height
			if size.Height >= 800 && view < all {
				t.Errorf("at %v the mapping shows %g of %g: room for every column", size, view, all)
			}
			if view < 4*p.fields[0].MinSize().Height {
				t.Errorf("at %v the mapping shows %g: fewer than four columns", size, view)
			}
			d := fyne.CurrentApp().Driver()
			for _, o := range []fyne.CanvasObject{p.confirm, p.rows} {
				pos := d.AbsolutePositionForObject(o)
				if pos.Y+o.Size().Height > size.Height || o.Size().Height <= 0 {
					t.Errorf("at %v %T ends at %g", size, o, pos.Y+o.Size().Height)
				}
			}
		})
	}
}

// A column set to « Ignorer cette colonne » changes the preview and is
// not imported: neither as a field nor as a note.
func TestImportIgnoredColumn(t *testing.T) {
	u, st := rosterUI(t)
	p := previewFile(t, u, "google-forms-fr.csv")
	col := func(header string) int {
		i := slices.IndexFunc(p.sheet.Columns, func(c registration.Column) bool { return c.Header == header })
		if i < 0 {
			t.Fatalf("no column %q in %+v", header, p.sheet.Columns)
		}
		return i
	}
	row := func() string {
		l := p.rows.CreateItem().(*widget.Label)
		p.updateRow(0, l)
		return l.Text
	}
	city, why := col("Ville"), col("Pourquoi vous inscrivez-vous ?")
	before := row()
	if !strings.Contains(before, "Québec") {
		t.Fatalf("first row %q", before)
	}
	p.fields[city].SetSelected("Ignorer cette colonne")
	if after := row(); strings.Contains(after, "Québec") {
		t.Errorf("the ignored city is still in the preview: %q", after)
	}
	p.fields[why].SetSelected("Ignorer cette colonne")
	p.apply()
	people, err := st.Participants(context.Background(), u.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, person := range people {
		if strings.Contains(person.Notes, "Pourquoi") || person.City != "" {
			t.Errorf("%s imported with %q, %q", person.Name, person.City, person.Notes)
		}
		if person.Email != "" && !strings.HasSuffix(person.Email, "@exemple.ca") {
			added++
		}
	}
	if added == 0 {
		t.Error("nothing imported")
	}
}
