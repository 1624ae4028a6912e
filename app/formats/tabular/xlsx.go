package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/htmlindex"

	"atelier/app/kit/usererr"
)

// Limits bound what a workbook may hold before a reader builds anything
// from it. excelize fills every row it returns up to its last cell, so one
// cell in column XFD (16 384) on each of a few thousand rows turned a
// 56 KB file into gigabytes; and a worksheet of zeros compresses a
// thousandfold. A workbook is therefore measured first, from its zip
// directory and a streaming pass over its cells, and refused whole, with
// the limit it passed, rather than read in part.
type Limits struct {
	Rows    int // last row a cell may sit in
	Columns int // last column a cell may sit in
	// Cells bounds the sum, over the rows, of their last column: what
	// reading them row by row allocates, empty cells on the left included.
	Cells    int
	Unzipped int64 // bytes of all its parts once unpacked
}

// OpenXLSX opens a workbook held in data once it is known to fit lim.
// The error is a French sentence.
func OpenXLSX(data []byte, lim Limits) (*excelize.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notXLSX(err)
	}
	if err := measure(zr, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.Unzipped, UnzipXMLSizeLimit: lim.Unzipped})
	if err != nil {
		return nil, notXLSX(err)
	}
	return f, nil
}

// ErrNotXLSX is what OpenXLSX's error is (errors.Is) when the file is no
// workbook it can read, rather than one past a limit: a caller may say it
// in its own words.
var ErrNotXLSX = usererr.New("%s", MsgUnreadableXLSX)

func notXLSX(err error) error {
	return usererr.Wrap(err, "%s", MsgUnreadableXLSX).Of(ErrNotXLSX)
}

// MsgUnreadableXLSX is the sentence for a workbook that cannot be opened.
var MsgUnreadableXLSX = "Ce classeur Excel n’a pas pu être lu" + nbsp + ": il est peut-être endommagé ou protégé par un mot de passe. " +
	"Ouvrez-le dans votre tableur, enregistrez-le de nouveau au format .xlsx ou CSV, puis importez-le."

// errTooBig is the refusal of a workbook that unpacks past the limit;
// measure wraps it with the figure.
var errTooBig = errors.New("workbook unpacks past the limit")

// measure checks the sizes the zip directory declares, then reads every
// part through a limit (a damaged or forged directory may understate
// them) and finds the last row and column of every sheet's cells.
func measure(zr *zip.Reader, lim Limits) error {
	var declared uint64
	for _, zf := range zr.File {
		declared += zf.UncompressedSize64
		if declared > uint64(lim.Unzipped) {
			return tooBig(lim)
		}
	}
	left := lim.Unzipped
	for _, zf := range zr.File {
		if !strings.HasSuffix(strings.ToLower(zf.Name), ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return notXLSX(err)
		}
		lr := &io.LimitedReader{R: rc, N: left + 1}
		err = scanCells(lr, lim)
		rc.Close()
		if lr.N <= 0 {
			return tooBig(lim)
		}
		left = lr.N - 1
		if err != nil {
			return err
		}
	}
	return nil
}

func tooBig(lim Limits) error {
	return usererr.Wrap(errTooBig, "Ce classeur est trop volumineux une fois décompressé (plus de %d"+nbsp+"Mo)"+nbsp+": ce n’est pas une liste ordinaire. "+
		"Ouvrez-le dans votre tableur, supprimez les feuilles ou les cellules qui ne servent pas, puis réessayez.", lim.Unzipped>>20)
}

// scanCells reads one part as a stream and refuses a cell of a sheet
// (a « c » inside « sheetData ») past lim's last row or column.
func scanCells(r io.Reader, lim Limits) error {
	d := xml.NewDecoder(r)
	// As excelize reads parts declared in another encoding than UTF-8.
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return enc.NewDecoder().Reader(in), nil
	}
	inData := false
	row, col := 0, 0
	width, cells := 0, 0 // the current row's last column; the sum of the others'
	endRow := func() error {
		if cells += width; cells > lim.Cells {
			return usererr.New("Ce classeur compte trop de cellules (plus de %d, en comptant les cases vides à gauche de chaque case remplie)"+nnbsp+"; "+
				"ce n’est pas une liste ordinaire. Supprimez les lignes et les colonnes qui ne servent pas, puis réessayez.", lim.Cells)
		}
		width = 0
		return nil
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// excelize reads with the same decoder: what stops this pass
			// stops it too, and is better said now than half read.
			return notXLSX(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inData, row = true, 0
			case "row":
				if !inData {
					continue
				}
				if err := endRow(); err != nil {
					return err
				}
				row++
				col = 0
				if v, ok := attr(t, "r"); ok {
					if n, err := strconv.Atoi(v); err == nil {
						row = n
					}
				}
				if row > lim.Rows {
					return usererr.New("Ce classeur a des données jusqu’à la ligne %d"+nnbsp+"; Atelier n’en lit pas plus de %d. "+
						"Supprimez les lignes qui ne servent pas (ou copiez la liste dans un classeur neuf), puis réessayez.", row, lim.Rows)
				}
			case "c":
				if !inData {
					continue
				}
				col++
				if v, ok := attr(t, "r"); ok {
					if n := column(v); n > 0 {
						col = n
					}
				}
				width = max(width, col)
				if col > lim.Columns {
					name, _ := excelize.ColumnNumberToName(min(col, excelize.MaxColumns))
					return usererr.New("Ce classeur a une cellule remplie dans la colonne %s (la %de)"+nnbsp+"; Atelier ne lit pas au-delà de %d colonnes. "+
						"Supprimez les colonnes vides ou inutiles à droite du tableau, puis réessayez.", name, col, lim.Columns)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				inData = false
				if err := endRow(); err != nil {
					return err
				}
			}
		}
	}
}

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// column is the column number of a cell reference (« XFD12 » → 16384),
// 0 when it has no letters. It stops counting past any real column.
func column(ref string) int {
	n := 0
	for _, c := range strings.TrimPrefix(ref, "$") {
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A') + 1
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a') + 1
		default:
			return n
		}
		if n > excelize.MaxColumns {
			return n
		}
	}
	return n
}
