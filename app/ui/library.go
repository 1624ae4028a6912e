package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/library"
	"atelier/app/formats/librarycsv"
	"atelier/app/kit/inputfile"
	"atelier/app/store"
)

// libraryScreen is the Bibliothèque area: search as you type over the
// French catalogue, filters, the selected resource, and the facilitators'
// own additions.
type libraryScreen struct {
	ui       *UI
	root     fyne.CanvasObject
	results  []library.Resource
	selected int64

	search    *widget.Entry
	source    *widget.Select
	session   *widget.Select
	language  *widget.Select
	languages map[string]string // a language's name in the filter, to its code
	tag       *widget.Select
	favourite *widget.Check
	count     *widget.Label
	list      *widget.List
	detail    *fyne.Container
}

func newLibraryScreen(u *UI) *libraryScreen {
	l := &libraryScreen{ui: u}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.X("library.search", "Rechercher\u00a0: titre, résumé, auteur·e, étiquette…"))
	l.search.OnChanged = func(string) { l.refresh() }
	all := lang.X("library.all", "Tout")
	l.source = widget.NewSelect(nil, func(string) { l.refresh() })
	l.session = widget.NewSelect(nil, func(string) { l.refresh() })
	l.language = widget.NewSelect(nil, func(string) { l.refresh() })
	l.tag = widget.NewSelect(nil, func(string) { l.refresh() })
	for _, s := range []*widget.Select{l.source, l.session, l.language, l.tag} {
		s.PlaceHolder = all
	}
	l.favourite = widget.NewCheck(lang.X("library.favourites", "Favoris"), func(bool) { l.refresh() })
	l.count = widget.NewLabel("")
	l.list = widget.NewList(
		func() int { return len(l.results) },
		func() fyne.CanvasObject {
			title := newTipLabel(u, "Titre d’une ressource assez longue")
			title.TextStyle = fyne.TextStyle{Bold: true}
			meta := newTipLabel(u, "Source · auteur·e · séances")
			meta.Importance = widget.LowImportance
			return container.New(&tightVBox{}, title, meta)
		},
		l.updateRow,
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		if id < len(l.results) {
			l.selected = l.results[id].ID
			l.showDetail(l.results[id])
		}
	}
	add := widget.NewButtonWithIcon(lang.X("library.add", "Ajouter…"), theme.ContentAddIcon(), func() { l.edit(library.Resource{Language: "fr", Custom: true}) })
	add.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(lang.X("library.import", "Importer un CSV…"), theme.UploadIcon(), l.onImport)
	exportBtn := widget.NewButtonWithIcon(lang.X("library.export", "Exporter en CSV…"), theme.DownloadIcon(), l.onExport)
	u.writing(add, importBtn) // the export only reads
	// Each filter keeps its name beside it; they run on a second row when
	// the pane is narrow.
	filter := func(name string, sel *widget.Select) fyne.CanvasObject {
		return container.NewHBox(widget.NewLabel(name), fitOptions(sel))
	}
	filters := flowRow(
		filter(lang.X("library.source", "Source"), l.source),
		filter(lang.X("library.session", "Séance"), l.session),
		filter(lang.X("library.language", "Langue"), l.language),
		filter(lang.X("library.tag", "Étiquette"), l.tag),
		l.favourite)
	actions := flowRow(l.count, importBtn, exportBtn, add)
	top := container.NewVBox(
		l.search,
		filters,
		actions)
	l.detail = container.NewVBox()
	results := container.NewBorder(top, nil, nil, nil, l.list)
	sizedBy(filters, results)
	sizedBy(actions, results)
	split := container.NewHSplit(results, container.NewVScroll(container.NewPadded(l.detail)))
	split.Offset = 0.55
	l.root = split
	return l
}

// tightVBox stacks two labels with no gap, for compact list rows.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - 2*theme.Padding()
	}
	return s.AddWidthHeight(0, 2*theme.Padding())
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
}

// load fills the filters and shows the catalogue.
func (l *libraryScreen) load() {
	sources, languages, tags, err := l.ui.store.Facets(context.Background())
	if err != nil {
		l.ui.showError(lang.X("library.err.load", "La bibliothèque n’a pas pu être lue."), err)
		return
	}
	all := lang.X("library.all", "Tout")
	keep := func(s *widget.Select, options []string) {
		current := s.Selected
		s.Options = append([]string{all}, options...)
		if current == "" {
			current = all
		}
		s.Selected = current
		s.Refresh()
	}
	keep(l.source, sources)
	var sessions []string
	for n := 1; n <= 5; n++ {
		sessions = append(sessions, sessionName(n))
	}
	keep(l.session, sessions)
	// The filter names the languages; the catalogue keeps their codes.
	l.languages = map[string]string{}
	var names []string
	for _, code := range languages {
		name := languageName(code)
		l.languages[name] = code
		names = append(names, name)
	}
	keep(l.language, names)
	keep(l.tag, tags)
	l.refresh()
}

// query reads the search box and the filters.
func (l *libraryScreen) query() store.Query {
	all := lang.X("library.all", "Tout")
	pick := func(s *widget.Select) string {
		if s.Selected == all {
			return ""
		}
		return s.Selected
	}
	// A search shows the 50 best matches (p95 under 5 ms at 5,000
	// resources); browsing with filters only shows everything.
	limit := 0
	if strings.TrimSpace(l.search.Text) != "" {
		limit = 50
	}
	q := store.Query{Text: l.search.Text, Source: pick(l.source), Language: l.languages[pick(l.language)], Tag: pick(l.tag), Favourites: l.favourite.Checked, Limit: limit}
	if i := l.session.SelectedIndex(); i > 0 {
		q.Session = i
	}
	return q
}

// refresh runs the search as the person types.
func (l *libraryScreen) refresh() {
	rs, err := l.ui.store.SearchResources(context.Background(), l.query())
	if err != nil {
		l.ui.showError(lang.X("library.err.search", "La recherche n’a pas abouti."), err)
		return
	}
	l.results = rs
	l.count.SetText(lang.XN("library.count", "{{.N}} ressource", len(rs), map[string]any{"N": l.ui.lang().Int(len(rs))}))
	l.list.UnselectAll()
	l.list.Refresh()
	for i, r := range rs {
		if r.ID == l.selected {
			l.list.Select(i)
			return
		}
	}
	l.showDetail(library.Resource{})
}

func (l *libraryScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(l.results) {
		return
	}
	r := l.results[id]
	row := o.(*fyne.Container)
	title := r.Title
	if r.Favourite {
		title = "★ " + title
	}
	row.Objects[0].(*tipLabel).SetText(title)
	parts := []string{r.Source}
	if r.Author != "" {
		parts = append(parts, r.Author)
	}
	if len(r.Sessions) > 0 {
		parts = append(parts, sessionsText(r.Sessions))
	}
	row.Objects[1].(*tipLabel).SetText(strings.Join(parts, " · "))
}

// sessionsText is « séances 2 et 4 ».
func sessionsText(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, fmt.Sprint(n))
	}
	if len(s) == 1 {
		return lang.X("library.session.one", "séance {{.N}}", map[string]any{"N": s[0]})
	}
	return lang.X("library.session.many", "séances {{.List}} et {{.Last}}", map[string]any{"List": strings.Join(s[:len(s)-1], ", "), "Last": s[len(s)-1]})
}

// showDetail shows a resource with what can be done with it.
func (l *libraryScreen) showDetail(r library.Resource) {
	if r.ID == 0 {
		l.detail.Objects = []fyne.CanvasObject{wrapped(lang.X("library.none", "Choisissez une ressource pour voir son résumé, ouvrir le lien ou la lier à une séance."))}
		l.detail.Refresh()
		return
	}
	title := wrapped(r.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.SizeName = theme.SizeNameSubHeadingText
	items := []fyne.CanvasObject{title}
	if r.OriginalTitle != "" && r.OriginalTitle != r.Title {
		o := wrapped(r.OriginalTitle)
		o.TextStyle = fyne.TextStyle{Italic: true}
		items = append(items, o)
	}
	meta := r.Source
	if r.Author != "" {
		meta += " · " + r.Author
	}
	langText := lang.X("library.lang.fr", "en français")
	if r.Language != "fr" {
		langText = lang.X("library.lang.other", "en {{.Lang}}", map[string]any{"Lang": languageName(r.Language)})
		if r.HasFrench {
			langText += lang.X("library.lang.translated", " (traduction française disponible)")
		}
	}
	items = append(items, wrapped(meta+" · "+langText), wrapped(r.Summary))
	if len(r.Tags) > 0 {
		tags := wrapped(strings.Join(r.Tags, " · "))
		tags.Importance = widget.LowImportance
		items = append(items, tags)
	}
	if len(r.Sessions) > 0 {
		items = append(items, widget.NewLabel(sessionsText(r.Sessions)))
	}
	if u, err := url.Parse(r.URL); err == nil && r.URL != "" {
		items = append(items, widget.NewHyperlink(lang.X("library.open", "Ouvrir le lien"), u))
	}
	if r.FilePath != "" {
		path := r.FilePath
		items = append(items, widget.NewButtonWithIcon(lang.X("library.file", "Ouvrir le fichier joint"), theme.FileIcon(), func() {
			if err := l.ui.app.OpenURL(&url.URL{Scheme: "file", Path: path}); err != nil {
				l.ui.showError(lang.X("library.err.file", "Le fichier joint n’a pas pu être ouvert."), err)
			}
		}))
	}
	favText := lang.X("library.fav.add", "Ajouter aux favoris")
	if r.Favourite {
		favText = lang.X("library.fav.remove", "Retirer des favoris")
	}
	fav := widget.NewButtonWithIcon(favText, theme.ConfirmIcon(), func() {
		if err := l.ui.store.SetFavourite(context.Background(), r.ID, !r.Favourite); err != nil {
			l.ui.showError(lang.X("library.err.save", "La ressource n’a pas été enregistrée."), err)
			return
		}
		l.refresh()
	})
	link := widget.NewButtonWithIcon(lang.X("library.link", "Lier à une séance de la cohorte…"), theme.MailAttachmentIcon(), func() { l.onLink(r) })
	l.ui.writing(fav, link)
	items = append(items, widget.NewSeparator(), fav, link)
	if r.Custom {
		edit := widget.NewButtonWithIcon(lang.X("library.edit", "Modifier…"), theme.DocumentCreateIcon(), func() { l.edit(r) })
		del := widget.NewButtonWithIcon(lang.X("library.delete", "Supprimer…"), theme.DeleteIcon(), func() { l.onDelete(r) })
		l.ui.writing(edit, del)
		items = append(items, edit, del)
	}
	l.detail.Objects = items
	l.detail.Refresh()
}

// onLink ties a resource to a session (or one block of it) of the cohort
// on view: it then shows in that session's agenda and live mode.
func (l *libraryScreen) onLink(r library.Resource) {
	c := l.ui.cohort
	if len(c.Sessions) == 0 {
		return
	}
	var options []string
	for _, s := range c.Sessions {
		options = append(options, fmt.Sprintf("%s — %s", sessionName(s.Number), l.ui.lang().ShortDate(s.StartsAt)))
	}
	session := widget.NewSelect(options, nil)
	session.SetSelectedIndex(0)
	block := widget.NewSelect(nil, nil)
	whole := lang.X("library.link.whole", "Toute la séance")
	fill := func() {
		opts := []string{whole}
		for _, b := range c.Sessions[session.SelectedIndex()].Blocks {
			opts = append(opts, b.Title)
		}
		block.SetOptions(opts)
		block.SetSelectedIndex(0)
	}
	session.OnChanged = func(string) { fill() }
	fill()
	dialog.ShowForm(lang.X("library.link.title", "Lier «\u00a0{{.Title}}\u00a0»", map[string]any{"Title": r.Title}), lang.X("library.link.action", "Lier"), lang.X("action.cancel", "Annuler"),
		[]*widget.FormItem{widget.NewFormItem(lang.X("library.session", "Séance"), session), widget.NewFormItem(lang.X("library.block", "Bloc"), block)},
		func(ok bool) {
			if !ok {
				return
			}
			ses := c.Sessions[session.SelectedIndex()]
			blockID := store.WholeSession
			where := lang.X("library.linked.session", "à la séance {{.N}}", map[string]any{"N": ses.Number})
			if i := block.SelectedIndex() - 1; i >= 0 && i < len(ses.Blocks) {
				blockID = ses.Blocks[i].ID
				where = lang.X("library.linked.block", "au bloc «\u00a0{{.Block}}\u00a0» de la séance {{.N}}", map[string]any{"N": ses.Number, "Block": ses.Blocks[i].Title})
			}
			l.link(r, ses.ID, blockID, where)
		}, l.ui.win)
}

// link ties r to a session (or one of its blocks, said by where) and says
// so, with « Annuler » unless the link was there already.
func (l *libraryScreen) link(r library.Resource, sessionID, blockID int64, where string) {
	ctx := context.Background()
	links, err := l.ui.store.SessionLinks(ctx, sessionID)
	if err == nil {
		err = l.ui.store.LinkResource(ctx, r.ID, sessionID, blockID)
	}
	if err != nil {
		l.ui.showError(lang.X("library.err.link", "La ressource n’a pas été liée."), err)
		return
	}
	args := map[string]any{"Title": r.Title, "Where": where}
	if slices.Contains(links, store.ResourceLink{ResourceID: r.ID, BlockID: blockID}) {
		l.ui.notify(lang.X("library.linked.already", "«\u00a0{{.Title}}\u00a0» était déjà liée {{.Where}}.", args), nil)
		return
	}
	l.ui.notify(lang.X("library.linked", "«\u00a0{{.Title}}\u00a0» est liée {{.Where}}.", args), func() {
		if err := l.ui.store.UnlinkResource(context.Background(), r.ID, sessionID, blockID); err != nil {
			l.ui.showError(lang.X("library.err.unlink", "Le lien n’a pas pu être retiré."), err)
		}
	})
}

func (l *libraryScreen) onDelete(r library.Resource) {
	dialog.ShowConfirm(lang.X("library.delete.title", "Supprimer une ressource"),
		lang.X("library.delete.confirm", "Supprimer «\u00a0{{.Title}}\u00a0» de la bibliothèque\u202f?", map[string]any{"Title": r.Title}), func(ok bool) {
			if !ok {
				return
			}
			if err := l.ui.store.DeleteResource(context.Background(), r.ID); err != nil {
				l.ui.showError(lang.X("library.err.save", "La ressource n’a pas été enregistrée."), err)
				return
			}
			l.selected = 0
			l.load()
		}, l.ui.win)
}

// edit adds or changes one of the facilitators' own resources.
func (l *libraryScreen) edit(r library.Resource) {
	items, read := l.resourceForm(r)
	heading := lang.X("library.edit.title", "Modifier la ressource")
	if r.ID == 0 {
		heading = lang.X("library.add.title", "Ajouter une ressource")
	}
	d := dialog.NewForm(heading, lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if ok {
			l.save(read())
		}
	}, l.ui.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// resourceForm is the form's rows for r, and what they hold once changed.
func (l *libraryScreen) resourceForm(r library.Resource) ([]*widget.FormItem, func() library.Resource) {
	title, original, source, author, link := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(r.Title)
	original.SetText(r.OriginalTitle)
	source.SetText(r.Source)
	if r.Source == "" {
		source.SetText(lang.X("library.ours", "Équipe d’animation"))
	}
	author.SetText(r.Author)
	link.SetText(r.URL)
	link.SetPlaceHolder("https://…")
	codes := []string{"fr", "en", "es", "de"}
	if r.Language != "" && !slices.Contains(codes, r.Language) {
		codes = append(codes, r.Language) // one an imported file brought
	}
	var names []string
	for _, c := range codes {
		names = append(names, languageName(c))
	}
	language := widget.NewSelect(names, nil)
	if i := slices.Index(codes, r.Language); i >= 0 {
		language.SetSelectedIndex(i)
	}
	french := widget.NewCheck(lang.X("library.hasfrench", "Une traduction française existe"), nil)
	french.SetChecked(r.HasFrench)
	summary := multiline(r.Summary, 4)
	tags := widget.NewEntry()
	tags.SetText(strings.Join(r.Tags, ", "))
	tags.SetPlaceHolder(lang.X("library.tags.hint", "séparées par des virgules"))
	var checks []fyne.CanvasObject
	sessions := map[int]*widget.Check{}
	for n := 1; n <= 5; n++ {
		c := widget.NewCheck(fmt.Sprint(n), nil)
		for _, s := range r.Sessions {
			c.SetChecked(c.Checked || s == n)
		}
		sessions[n] = c
		checks = append(checks, c)
	}
	// filepath.Base("") is « . »: no file attached shows nothing.
	file := widget.NewLabel("")
	if r.FilePath != "" {
		file.SetText(filepath.Base(r.FilePath))
	}
	picked := r.FilePath
	pick := widget.NewButtonWithIcon(lang.X("library.file.pick", "Joindre un PDF…"), theme.FileIcon(), func() {
		l.ui.pickOpen([]string{".pdf"}, func(src string) {
			path, err := l.keepFile(src)
			if err != nil {
				l.ui.showError(lang.X("library.err.file.copy", "Le fichier n’a pas pu être joint."), err)
				return
			}
			picked = path
			file.SetText(filepath.Base(path))
		})
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("library.f.title", "Titre"), title),
		widget.NewFormItem(lang.X("library.f.original", "Titre original"), original),
		widget.NewFormItem(lang.X("library.source", "Source"), source),
		widget.NewFormItem(lang.X("library.f.author", "Auteur·e"), author),
		widget.NewFormItem(lang.X("library.language", "Langue"), language),
		widget.NewFormItem("", french),
		widget.NewFormItem(lang.X("library.f.url", "Lien"), link),
		widget.NewFormItem(lang.X("library.f.summary", "Résumé"), summary),
		widget.NewFormItem(lang.X("library.f.tags", "Étiquettes"), tags),
		widget.NewFormItem(lang.X("library.f.sessions", "Séances"), container.NewHBox(checks...)),
		widget.NewFormItem(lang.X("library.f.file", "Fichier"), container.NewBorder(nil, nil, nil, pick, file)),
	}
	return items, func() library.Resource {
		r.Title, r.OriginalTitle, r.Source = strings.TrimSpace(title.Text), strings.TrimSpace(original.Text), strings.TrimSpace(source.Text)
		r.Author, r.URL = strings.TrimSpace(author.Text), strings.TrimSpace(link.Text)
		if i := language.SelectedIndex(); i >= 0 {
			r.Language = codes[i]
		}
		r.HasFrench, r.Summary, r.FilePath, r.Custom = french.Checked, strings.TrimSpace(summary.Text), picked, true
		r.Tags = nil
		for _, t := range strings.FieldsFunc(tags.Text, func(c rune) bool { return c == ',' || c == ';' }) {
			if t = strings.TrimSpace(t); t != "" {
				r.Tags = append(r.Tags, t)
			}
		}
		r.Sessions = nil
		for n := 1; n <= 5; n++ {
			if sessions[n].Checked {
				r.Sessions = append(r.Sessions, n)
			}
		}
		return r
	}
}

// save validates and stores a resource of the facilitators.
func (l *libraryScreen) save(r library.Resource) {
	err := r.Validate()
	if err == nil {
		if r.ID == 0 {
			r.ID, err = l.ui.store.AddResource(context.Background(), r)
		} else {
			err = l.ui.store.UpdateResource(context.Background(), r)
		}
	}
	if err != nil {
		l.ui.showError(lang.X("library.err.save", "La ressource n’a pas été enregistrée."), err)
		return
	}
	l.selected = r.ID
	l.load()
}

// keepFile copies an attached file next to the database, so that the
// resource keeps it even if the original moves.
// maxAttached bounds a PDF joined to a resource: a booklet, a scanned
// chapter; not a film.
const maxAttached = 512 << 20

func (l *libraryScreen) keepFile(src string) (string, error) {
	rc, err := inputfile.Open(src, maxAttached)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	dir := filepath.Join(filepath.Dir(l.ui.store.Path()), "fichiers")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fileSafe(filepath.Base(src)))
	return path, l.ui.svc.SaveFile(path, func(w io.Writer) error {
		_, err := io.Copy(w, rc)
		return err
	})
}

// onImport adds resources from a CSV shared by another team.
func (l *libraryScreen) onImport() {
	l.ui.openData([]string{".csv", ".txt"}, func(_ string, data []byte) {
		rs, problems, err := librarycsv.Read(bytes.NewReader(data))
		if err != nil {
			l.ui.showError(lang.X("library.err.import", "Ce fichier ne peut pas être importé\u202f; rien n’a été modifié."), err)
			return
		}
		added, err := l.ui.svc.ImportLibrary(context.Background(), rs)
		if err != nil {
			l.ui.showError(lang.X("library.err.import", "Ce fichier ne peut pas être importé\u202f; rien n’a été modifié."), err)
			return
		}
		msg := lang.XN("library.imported", "{{.N}} ressource ajoutée.", added, map[string]any{"N": l.ui.lang().Int(added)})
		for _, p := range problems {
			msg += "\n" + lang.X("library.import.problem", "Ligne {{.Line}}\u00a0: {{.Reason}}", map[string]any{"Line": p.Line, "Reason": l.ui.message(p.Reason)})
		}
		dialog.ShowInformation(lang.X("library.import.title", "Importation de ressources"), msg, l.ui.win)
		l.load()
	})
}

// onExport writes the whole catalogue to CSV, through a temp file.
func (l *libraryScreen) onExport() {
	l.ui.saveAs("bibliotheque-atelier.csv", nil, func(path string) {
		rs, err := l.ui.store.Resources(context.Background())
		if err == nil {
			err = l.ui.svc.SaveFile(path, func(w io.Writer) error { return librarycsv.Write(w, rs) })
		}
		if err != nil {
			l.ui.showError(lang.X("library.err.export", "La bibliothèque n’a pas été exportée."), err)
		}
	})
}

// languageName names a language code in the interface language.
func languageName(code string) string {
	switch code {
	case "en":
		return lang.X("language.en", "anglais")
	case "fr":
		return lang.X("language.fr", "français")
	case "es":
		return lang.X("language.es", "espagnol")
	case "de":
		return lang.X("language.de", "allemand")
	}
	return code
}
