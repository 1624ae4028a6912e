// Package pdfdoc starts the PDF documents Atelier writes (diagrams,
// handouts, slides) the same way: A4 (or 16:9 for slides), DejaVu Sans embedded as UTF-8 TrueType,
// fixed metadata so that the same data gives the same bytes, and page
// breaks left to the caller. It also holds the one text cleaner of those
// documents (Clean, Name): what the font cannot draw is dropped, never
// printed as « ? » or a box.
package pdfdoc

import (
	"bytes"
	"time"

	"github.com/jung-kurt/gofpdf"

	"atelier/assets/fonts"
)

// Family is the font family name to pass to SetFont ("" and "B" styles).
const Family = "DejaVu"

// Producer is written as the producer and creator of every document.
const Producer = "Atelier"

// New starts an A4 document in orientation ("P" or "L") with the given
// title and margin (mm). A zero created means now; a fixed one makes the
// output reproducible. « {nb} » in text stands for the number of pages.
func New(orientation, title string, created time.Time, margin float64) *gofpdf.Fpdf {
	return start(gofpdf.New(orientation, "mm", "A4", ""), title, created, margin)
}

// Wide is the size of a 16:9 slide, in millimetres (10 × 5.625 inches, as
// presentation software makes them).
var Wide = gofpdf.SizeType{Wd: 254, Ht: 142.875}

// NewWide is New for slides: pages of size Wide, wider than high (gofpdf
// takes the size as given in "P", and would turn it in "L").
func NewWide(title string, created time.Time, margin float64) *gofpdf.Fpdf {
	return start(gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: Wide}), title, created, margin)
}

func start(f *gofpdf.Fpdf, title string, created time.Time, margin float64) *gofpdf.Fpdf {
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCatalogSort(true)
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetProducer(Producer, true)
	f.SetCreator(Producer, true)
	f.SetTitle(title, true)
	f.AliasNbPages("{nb}")
	// gofpdf pads tables by appending to slices of the bytes it is given,
	// writing into them: each document gets its own copy so that the
	// shared embedded fonts stay intact and documents can be written
	// concurrently.
	f.AddUTF8FontFromBytes(Family, "", bytes.Clone(fonts.Regular))
	f.AddUTF8FontFromBytes(Family, "B", bytes.Clone(fonts.Bold))
	f.SetMargins(margin, margin, margin)
	// Pages break where the caller decides (a diagram stays on one page,
	// table rows are split by hand).
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	return f
}
