package librarycsv

import (
	"io"
	"strconv"
	"strings"

	"atelier/app/domain/library"
	"atelier/app/formats/tabular"
	"atelier/app/kit/usererr"
)

// bom tells Excel the file is UTF-8; without it Excel on Windows reads
// « é » as « Ã© ».
const bom = "\uFEFF"

// Write writes rs as CSV: UTF-8 with a byte order mark, comma-separated,
// lines ending in CRLF, a header line first, written by tabular.Writer: no
// cell starts like a formula (tabular.Guard) and every cell that holds a
// comma, a semicolon, a tab, a quote or a line break is quoted, whatever
// list separator the spreadsheet opening it uses. A tag that
// itself contains « ; » comes back as two.
func Write(w io.Writer, rs []library.Resource) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return writeError(err)
	}
	cw := tabular.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return writeError(err)
	}
	rec := make([]string, len(header))
	for _, r := range rs {
		rec[0] = r.Title
		rec[1] = r.OriginalTitle
		rec[2] = r.Source
		rec[3] = r.Author
		rec[4] = r.Language
		rec[5] = "non"
		if r.HasFrench {
			rec[5] = "oui"
		}
		rec[6] = r.URL
		rec[7] = r.Summary
		rec[8] = strings.Join(r.Tags, "; ")
		sessions := make([]string, len(r.Sessions))
		for i, n := range r.Sessions {
			sessions[i] = strconv.Itoa(n)
		}
		rec[9] = strings.Join(sessions, ";")
		if err := cw.Write(rec); err != nil {
			return writeError(err)
		}
	}
	if err := cw.Flush(); err != nil {
		return writeError(err)
	}
	return nil
}

func writeError(err error) error {
	return usererr.Wrap(err, "Le fichier CSV n’a pas pu être écrit. Vérifiez qu’il reste de la place sur le disque et que le dossier accepte l’enregistrement, puis réessayez.")
}
