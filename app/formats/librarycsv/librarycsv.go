// Package librarycsv writes the resource library to a CSV file that a
// spreadsheet opens as is, and reads such a file back, whether this app
// wrote it or a person edited it in Excel or LibreOffice.
//
// The columns, named in French on the first line: titre, titre_original,
// source, auteur, langue, traduction_francaise (« oui » or « non »), url,
// resume, etiquettes (separated by « ; ») and seances (« 2;4 »). Favourites,
// attached files and ids stay in the app.
package librarycsv

import (
	"fmt"

	"atelier/app/kit/usererr"
)

// Column names, in the order Write puts them.
const (
	colTitle         = "titre"
	colOriginalTitle = "titre_original"
	colSource        = "source"
	colAuthor        = "auteur"
	colLanguage      = "langue"
	colHasFrench     = "traduction_francaise"
	colURL           = "url"
	colSummary       = "resume"
	colTags          = "etiquettes"
	colSessions      = "seances"
)

var header = []string{colTitle, colOriginalTitle, colSource, colAuthor, colLanguage, colHasFrench,
	colURL, colSummary, colTags, colSessions}

// required are the columns without which no row can be a valid resource.
var required = []string{colTitle, colSource, colLanguage}

// Problem is a row Read set aside, or kept with something to check (a
// character it could not read), with the reason in French.
type Problem struct {
	Line   int            // line of the file where the row starts, from 1
	Reason *usererr.Error // shown in the window's language, French for the command line
}

// String is the problem as the import summary lists it.
func (p Problem) String() string {
	return fmt.Sprintf("Ligne %d\u00a0: %s", p.Line, p.Reason)
}
