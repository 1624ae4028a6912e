// Package registration reads the registration form exports (CSV or XLSX,
// as Google Forms, Microsoft Forms, Typeform or a spreadsheet write them),
// maps their columns to a participant's fields by header, in French or
// English, and plans what importing them would change in a cohort's roster:
// who is new, who is already there and whose details the file completes,
// which rows are rejected and why, who goes to the waiting list.
//
// Nothing here writes anywhere: Parse and Plan return values for the
// preview, and the caller writes the Result in one go.
package registration

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// Field is what a column of the export holds. A column that is none of the
// participant's fields is kept as a note, unless the person chose to ignore
// it (FieldIgnore): a column the form added that holds nothing to keep, or
// that Atelier would read wrongly.
type Field int

// The fields a column can map to.
const (
	FieldNote Field = iota
	FieldName
	FieldFirstName
	FieldLastName
	FieldEmail
	FieldPronouns
	FieldOrganisation
	FieldCity
	FieldPhone
	FieldAccessibility
	FieldConsent
	FieldTimestamp
	// FieldIgnore is never guessed from a header: only the person chooses
	// it, and the column's data is then not imported at all.
	FieldIgnore
	fieldCount
)

// Fields lists every field in the order the preview offers them: the two
// ways of keeping a column out of the person's details first, side by side.
func Fields() []Field {
	f := []Field{FieldNote, FieldIgnore}
	for i := FieldName; i < fieldCount; i++ {
		if i != FieldIgnore {
			f = append(f, i)
		}
	}
	return f
}

// Label is the field's name in the preview.
func (f Field) Label() string {
	switch f {
	case FieldNote:
		return "Note (colonne conservée)"
	case FieldName:
		return "Nom"
	case FieldFirstName:
		return "Prénom"
	case FieldLastName:
		return "Nom de famille"
	case FieldEmail:
		return "Courriel"
	case FieldPronouns:
		return "Pronoms"
	case FieldOrganisation:
		return "Groupe ou organisation"
	case FieldCity:
		return "Ville ou région"
	case FieldPhone:
		return "Téléphone"
	case FieldAccessibility:
		return "Besoins d’accessibilité"
	case FieldConsent:
		return "Accepte d’être contacté·e"
	case FieldTimestamp:
		return "Date d’inscription"
	case FieldIgnore:
		return "Ignorer cette colonne"
	}
	return fmt.Sprintf("Champ inconnu (%d)", int(f))
}

func (f Field) valid() bool { return f >= 0 && f < fieldCount }

// single reports whether the field belongs to one column at most: all but
// a note and an ignored column.
func (f Field) single() bool { return f != FieldNote && f != FieldIgnore }

// Column is one column of the export and what it was mapped to.
type Column struct {
	Header string
	Field  Field
}

// Row is one registration of the export.
type Row struct {
	// Line is the 1-based line where the record starts in a CSV file (a
	// quoted field may span several lines), or the row number in a sheet.
	Line   int
	Values []string
	// Participant is the row read through the column mapping; its Status
	// is left empty and its CohortID 0: Plan decides them.
	Participant participants.Participant
	// Err says in French why the row cannot be imported; nil when it can.
	Err error
	// Warning says what was read but not understood, without rejecting
	// the row (an unreadable registration date): clauses without capital
	// or full stop, in the window's language, French for the command
	// line; nil when all was understood.
	Warning *usererr.Error

	raw     []string // XLSX cell values before number formatting (date serials)
	badText bool     // the row's lines held bytes that are not UTF-8
}

// Sheet is a parsed export.
type Sheet struct {
	Format    string // "CSV" or "XLSX"
	Encoding  string // "UTF-8", "UTF-8 (BOM)", "UTF-16", "Windows-1252"; empty for XLSX
	Delimiter rune   // 0 for XLSX
	Columns   []Column
	Rows      []Row
	// Warnings say what was read of the file as a whole but not
	// understood (unreadable characters in the titles), for the preview:
	// in the window's language, French for the command line.
	Warnings []*usererr.Error

	loc      *time.Location
	date1904 bool // the workbook counts dates from 1904 (old Excel for Mac)
	french   bool // a header is French: ambiguous dates read day first
}

// MaxSize bounds what Parse reads: a registration export is a few hundred
// kilobytes; anything past this is not one.
// A caller opening the file passes it to inputfile.Open or ReadLimited,
// so that a larger file is refused before it is read.
const MaxSize = 50 << 20

// Parse reads a whole export. name is the file's name: its extension helps
// tell the format, though an XLSX is recognised by its content too. loc is
// the cohort's time zone, for registration times written without one (nil
// means the computer's).
//
// An error, in French, means the file cannot be used and nothing should be
// written. A row that cannot be imported is not an error: it comes back as
// a Row with Err set, and the other rows still go in.
func Parse(r io.Reader, name string, loc *time.Location) (*Sheet, error) {
	if loc == nil {
		loc = time.Local
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, usererr.Wrap(err, "Le fichier n’a pas pu être lu jusqu’au bout. Vérifiez qu’il est bien enregistré sur cet ordinateur, puis réessayez.")
	}
	if len(data) > MaxSize {
		return nil, usererr.New("Ce fichier est trop gros pour une liste d’inscriptions (plus de 50" + nbsp + "Mo). Vérifiez qu’il s’agit bien de l’export du formulaire.")
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))) == 0 {
		return nil, errEmpty
	}
	ext := strings.ToLower(filepath.Ext(name))
	var s *Sheet
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if bytes.Contains(data[:min(len(data), 200)], []byte("opendocument")) {
			return nil, usererr.New("Les classeurs OpenDocument (.ods) ne sont pas pris en charge. Ouvrez le fichier dans votre tableur, enregistrez-le au format .xlsx ou CSV, puis importez-le de nouveau.")
		}
		s, err = parseXLSX(data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, usererr.New("Les classeurs Excel 97-2003 (.xls) ne sont pas pris en charge. Ouvrez le fichier dans votre tableur, enregistrez-le au format .xlsx ou CSV, puis importez-le de nouveau.")
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, usererr.New("Ce fichier porte l’extension %s mais n’est pas un classeur Excel lisible. Ouvrez-le dans votre tableur et enregistrez-le de nouveau au format .xlsx ou CSV.", ext)
	default:
		s, err = parseCSV(data)
	}
	if err != nil {
		return nil, err
	}
	s.loc = loc
	s.mapColumns()
	if !s.hasName() {
		return nil, noNameError(s.Columns)
	}
	if len(s.Rows) == 0 {
		return nil, usererr.New("Ce fichier ne contient que la ligne des titres de colonnes" + nbsp + ": aucune inscription à importer.")
	}
	s.refresh()
	return s, nil
}

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// errEmpty is returned for a file with nothing in it.
var errEmpty = usererr.New("Ce fichier est vide.")

// noNameError lists the headers found, so that the person sees why none
// was taken for a name.
func noNameError(cols []Column) error {
	var hs []string
	more := false
	for i, c := range cols {
		if i == 8 {
			more = true
			break
		}
		h := c.Header
		if r := []rune(h); len(r) > 40 {
			h = string(r[:40]) + "…"
		}
		hs = append(hs, h)
	}
	headers := usererr.Text(func(l textfmt.Lang) string {
		q := make([]string, len(hs), len(hs)+1)
		for i, h := range hs {
			q[i] = l.Quote(h)
		}
		if more {
			q = append(q, "…")
		}
		return strings.Join(q, ", ")
	})
	return usererr.New("Aucune colonne ne ressemble à un nom"+nbsp+": la première ligne du fichier contient %s. "+
		"Cette ligne doit donner le titre des colonnes, dont %s (ou %s et %s).",
		headers, usererr.Quote("Nom"), usererr.Quote("Prénom"), usererr.Quote("Nom de famille"))
}

// nbsp is the no-break space French puts before « : » and inside « ».
const nbsp = "\u00a0"

// nnbsp is the narrow no-break space French puts before ; ? !
const nnbsp = "\u202f"
