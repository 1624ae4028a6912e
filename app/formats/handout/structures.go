package handout

import (
	"bytes"
	"fmt"

	"github.com/jung-kurt/gofpdf"

	"atelier/app/domain/structure"
	"atelier/app/formats/diagram"
	"atelier/app/formats/pdfdoc"
)

// structures adds, for the structure-design session, one page per diagram
// the cohort drew: its name and the drawing, scaled to the page.
func (d *doc) structures(list []structure.Structure) {
	if len(list) == 0 {
		return
	}
	for i, s := range list {
		var png bytes.Buffer
		if err := diagram.PNG(&png, s, diagram.Options{Scale: 2}); err != nil {
			panic(err) // turned into an error by the caller, like gofpdf's own panics
		}
		name := fmt.Sprintf("structure-%d", i+1)
		info := d.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, &png)
		if d.f.Err() {
			return
		}
		d.newPage()
		if i == 0 {
			d.heading("Structures de la cohorte", 20)
		}
		d.para(pdfdoc.Clean(s.Name), true, bodySize+1, bodyLine, 0, accent)
		left, _, right, _ := d.f.GetMargins()
		pageW, _ := d.f.GetPageSize()
		maxW := pageW - left - right
		maxH := d.bottom() - d.f.GetY() - 4
		w, h := info.Extent()
		scale := min(maxW/w, maxH/h)
		d.f.ImageOptions(name, left+(maxW-w*scale)/2, d.f.GetY()+2, w*scale, h*scale, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
}
