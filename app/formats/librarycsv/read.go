package librarycsv

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"atelier/app/domain/library"
	"atelier/app/formats/tabular"
	"atelier/app/kit/fold"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// MaxSize bounds what Read takes in: a library of thousands of resources
// is a few megabytes.
// A caller opening the file passes it to inputfile.Open or ReadLimited,
// so that a larger file is refused before it is read.
const MaxSize = 32 << 20

// The messages of Read's errors.
const (
	msgRead        = "Le fichier n’a pas pu être lu jusqu’au bout. Vérifiez qu’il est bien enregistré sur cet ordinateur, puis réessayez."
	msgTooBig      = "Ce fichier est trop volumineux pour une liste de ressources (plus de 32\u00a0Mo)."
	msgEmpty       = "Le fichier est vide."
	msgBinary      = "Ce fichier ne ressemble pas à un tableau CSV\u00a0: il contient des données binaires. Enregistrez la liste au format CSV depuis votre tableur, puis importez ce fichier."
	msgNoRows      = "Ce fichier ne contient que la ligne des titres de colonnes\u00a0: aucune ressource à importer."
	msgHeader      = "Ce fichier ne ressemble pas à une liste de ressources\u00a0: sa première ligne doit nommer les colonnes (titre, source, langue…), comme dans un fichier exporté par Atelier."
	msgMissing     = "Il manque à ce fichier la colonne «\u00a0%s\u00a0»\u202f; ajoutez-la à la première ligne, puis importez-le de nouveau."
	msgMissingMany = "Il manque à ce fichier les colonnes %s\u202f; ajoutez-les à la première ligne, puis importez-le de nouveau."
	msgBadBytes    = "Des caractères illisibles (qui ne sont pas de l’UTF-8) sont remplacés par «\u00a0\ufffd\u00a0»\u202f; vérifiez cette fiche après l’importation, ou enregistrez le fichier de nouveau en CSV UTF-8."
)

// aliases are other names a person may give a column, folded.
var aliases = map[string]string{
	"titre_francais":   colTitle,
	"titre_en_anglais": colOriginalTitle,
	"auteur_rice":      colAuthor,
	"autrice":          colAuthor,
	"langue_originale": colLanguage,
	"traduction":       colHasFrench,
	"en_francais":      colHasFrench,
	"lien":             colURL,
	"adresse":          colURL,
	"resume_francais":  colSummary,
	"mots_cles":        colTags,
	"etiquette":        colTags,
	"seance":           colSessions,
}

// Read reads a list of resources in the format Write writes, or as a
// spreadsheet saves it again: comma, semicolon or tab between cells, UTF-8
// with or without a byte order mark, UTF-16 or Windows-1252 (Excel's
// « CSV (séparateur : point-virgule) »), columns in any order. The rows
// that cannot be a valid resource are left out and listed as problems,
// the others kept. The error is for a file it cannot use at all; it is an
// *usererr.Error.
func Read(r io.Reader) ([]library.Resource, []Problem, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	switch {
	case err != nil:
		return nil, nil, usererr.Wrap(err, msgRead)
	case len(raw) > MaxSize:
		return nil, nil, usererr.New(msgTooBig)
	}
	dec := tabular.Decode(raw)
	text := dec.Text
	if strings.TrimSpace(text) == "" {
		return nil, nil, usererr.New(msgEmpty)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, nil, usererr.New(msgBinary)
	}
	// Excel for Mac long ended lines with a carriage return alone, which
	// encoding/csv does not take for a line break.
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	text, skipped, delim := sepLine(text)
	if delim == 0 {
		delim = sniff(text)
	}
	var rd reader
	for _, rec := range tabular.Records(text, delim) {
		line := rec.Line + skipped
		switch {
		case rd.cols == nil && (rec.Err != nil || blank(rec.Fields)):
			// Still looking for the header: the first line with something.
		case rd.cols == nil:
			if err := rd.setHeader(rec.Fields); err != nil {
				return nil, nil, err
			}
		case rec.Err != nil:
			rd.rows++
			rd.problem(line, usererr.New("%s.", usererr.Text(func(l textfmt.Lang) string { return capitalise(usererr.MessageIn(l, rec.Err)) })))
		default:
			rd.row(line, rec.Fields)
		}
	}
	for _, line := range dec.BadLines {
		rd.problem(line, usererr.New(msgBadBytes))
	}
	slices.SortStableFunc(rd.problems, func(a, b Problem) int { return a.Line - b.Line })
	if rd.cols == nil {
		return nil, nil, usererr.New(msgHeader)
	}
	if rd.rows == 0 {
		return nil, nil, usererr.New(msgNoRows)
	}
	return rd.resources, rd.problems, nil
}

// sepLine takes away the « sep=; » line Excel puts first to name the
// delimiter, returning the rest, the number of lines taken away and the
// delimiter; 0 when there is no such line.
func sepLine(text string) (string, int, rune) {
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimRight(first, "\r")
	if d, ok := strings.CutPrefix(strings.ToLower(first), "sep="); ok {
		if r, size := utf8.DecodeRuneInString(d); size > 0 && size == len(d) && validDelim(r) {
			return rest, 1, r
		}
	}
	return text, 0, 0
}

func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && r != utf8.RuneError
}

// sniff picks the delimiter from the first line that is not blank, the
// header: the one of comma, semicolon and tab that splits it into the most
// known column names.
func sniff(text string) rune {
	var first string
	for l := range strings.Lines(text) {
		if trim(l) != "" {
			first = l
			break
		}
	}
	best, most := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(strings.NewReader(first))
		cr.Comma, cr.LazyQuotes = d, true
		rec, _ := cr.Read()
		n := 0
		for _, cell := range rec {
			if _, ok := column(cell); ok {
				n++
			}
		}
		if n > most {
			best, most = d, n
		}
	}
	return best
}

// column is the column a header cell names.
func column(cell string) (string, bool) {
	k := fold.Key(trim(tabular.Unguard(cell)))
	k = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\'', '.':
			return '_'
		}
		return r
	}, k)
	if slices.Contains(header, k) {
		return k, true
	}
	c, ok := aliases[k]
	return c, ok
}

// reader turns records into resources.
type reader struct {
	cols      map[string]int // column name → index in the record
	resources []library.Resource
	problems  []Problem
	rows      int            // data rows seen, blank ones aside
	seen      map[string]int // title and source → line, to find repeats
}

func (rd *reader) setHeader(rec []string) error {
	rd.cols = map[string]int{}
	rd.seen = map[string]int{}
	for i, cell := range rec {
		if c, ok := column(cell); ok {
			if _, dup := rd.cols[c]; !dup {
				rd.cols[c] = i
			}
		}
	}
	if len(rd.cols) == 0 {
		return usererr.New(msgHeader)
	}
	var missing []string
	for _, c := range required {
		if _, ok := rd.cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return usererr.New(msgMissing, missing[0])
	default:
		return usererr.New(msgMissingMany, usererr.Quoted(missing))
	}
}

func (rd *reader) problem(line int, reason *usererr.Error) {
	rd.problems = append(rd.problems, Problem{Line: line, Reason: reason})
}

// cell is the value of a column in rec, or "" when the row is short.
func (rd *reader) cell(rec []string, col string) string {
	i, ok := rd.cols[col]
	if !ok || i >= len(rec) {
		return ""
	}
	return trim(tabular.Unguard(rec[i]))
}

// row reads one data record, keeping the resource or recording why not.
func (rd *reader) row(line int, rec []string) {
	if blank(rec) {
		return
	}
	rd.rows++
	r := library.Resource{
		Title:         rd.cell(rec, colTitle),
		OriginalTitle: rd.cell(rec, colOriginalTitle),
		Source:        rd.cell(rec, colSource),
		Author:        rd.cell(rec, colAuthor),
		Language:      strings.ToLower(rd.cell(rec, colLanguage)),
		URL:           rd.cell(rec, colURL),
		Summary:       rd.cell(rec, colSummary),
	}
	before := len(rd.problems)
	switch v := fold.Key(rd.cell(rec, colHasFrench)); v {
	case "oui", "o", "vrai", "x", "1", "yes", "y", "true":
		r.HasFrench = true
	case "non", "n", "faux", "0", "no", "false", "":
	default:
		rd.problem(line, usererr.New("La colonne traduction_francaise doit valoir «\u00a0oui\u00a0» ou «\u00a0non\u00a0», pas «\u00a0%s\u00a0».", rd.cell(rec, colHasFrench)))
	}
	for t := range strings.SplitSeq(rd.cell(rec, colTags), ";") {
		if t = trim(t); t != "" {
			r.Tags = append(r.Tags, t)
		}
	}
	for _, s := range strings.FieldsFunc(rd.cell(rec, colSessions), func(r rune) bool {
		return r == ';' || r == ',' || unicode.IsSpace(r)
	}) {
		n, err := strconv.Atoi(s)
		if err != nil {
			rd.problem(line, usererr.New("«\u00a0%s\u00a0» n’est pas un numéro de séance\u202f; les séances vont de 1 à 5 (par exemple «\u00a02;4\u00a0»).", s))
			continue
		}
		r.Sessions = append(r.Sessions, n)
	}
	var vl usererr.List
	if err := r.Validate(); errors.As(err, &vl) {
		for _, msg := range vl {
			rd.problem(line, msg)
		}
	} else if err != nil {
		rd.problem(line, usererr.New("%s", usererr.Reason(err)))
	}
	if len(rd.problems) > before {
		return
	}
	key := fold.Key(r.Title) + "\n" + fold.Key(r.Source)
	if first, ok := rd.seen[key]; ok {
		rd.problem(line, usererr.New("«\u00a0%s\u00a0» de la source «\u00a0%s\u00a0» figure déjà à la ligne %d.", r.Title, r.Source, first))
		return
	}
	rd.seen[key] = line
	rd.resources = append(rd.resources, r)
}

// trim trims spaces, no-break spaces included, and the invisible
// characters spreadsheets leave around pasted text.
func trim(v string) string {
	return strings.TrimFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
}

func blank(rec []string) bool {
	for _, v := range rec {
		if trim(v) != "" {
			return false
		}
	}
	return true
}

// capitalise makes a clause the start of a sentence.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
