package diagram

import (
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/usererr"
)

// Options shape the PNG.
type Options struct {
	// Scale multiplies every size: 1 (the default) draws one canvas unit
	// per pixel, 2 gives a sharp image for print or high-density screens.
	Scale float32
	// Margin around the diagram, in canvas units; zero or less means 24.
	Margin float32
	// Title, when set, is written in bold above the diagram.
	Title string
}

// The largest image PNG writes (120 MB in memory); larger diagrams are drawn
// at a smaller scale rather than exhausting memory.
const (
	maxSide   = 16384
	maxPixels = 30_000_000
)

const (
	titleSize = 20
	titleBand = 44 // canvas units above the diagram when there is a title
	emptyW    = 360
	emptyH    = 120
	emptyText = "Structure vide"
)

var (
	white     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	titleInk  = color.RGBA{0x1E, 0x2A, 0x32, 0xFF}
	mutedInk  = color.RGBA{0x6B, 0x75, 0x80, 0xFF}
	errCoords = usererr.New("La structure contient des positions invalides\u00a0: utilisez «\u00a0Ranger\u00a0» sur le canevas, puis exportez de nouveau.")
)

func rgba(c color.NRGBA) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// PNG draws s as the canvas shows it and writes it to w as a PNG image of
// the structure's bounds plus margins, times the scale. An empty structure
// gives a small image saying so.
func PNG(w io.Writer, s structure.Structure, opt Options) error {
	regular, bold, err := pdfdoc.Fonts()
	if err != nil {
		return usererr.Wrap(err, "Les polices du document n’ont pas pu être lues\u202f; réinstallez Atelier.")
	}
	scale := opt.Scale
	if scale <= 0 || isBad(scale) {
		scale = 1
	}
	margin := opt.Margin
	if margin <= 0 || isBad(margin) {
		margin = defaultMargin
	}
	m, err := LabelMetrics()
	if err != nil {
		return usererr.Wrap(err, "Les polices du document n’ont pas pu être lues\u202f; réinstallez Atelier.")
	}
	title := strings.TrimSpace(pdfdoc.Clean(opt.Title))
	r := renderer{regular: regular, bold: bold, faces: map[faceKey]font.Face{}}

	// Layout in canvas units, the shapes grown for their labels as on the
	// canvas.
	d := structure.Draw(s, m)
	b := d.Bounds()
	if isBad(b.Min.X) || isBad(b.Min.Y) || isBad(b.Max.X) || isBad(b.Max.Y) {
		return errCoords
	}
	empty := len(s.Nodes) == 0
	contentW, contentH := b.Max.X-b.Min.X, b.Max.Y-b.Min.Y
	if empty {
		contentW, contentH = emptyW-2*margin, emptyH-2*margin
	}
	band := float32(0)
	if title != "" {
		band = titleBand
	}
	totalW, totalH := contentW+2*margin, contentH+2*margin+band
	if title != "" {
		// Widen a narrow diagram so that its title fits, up to a point.
		tw := float32(r.measure(title, true, titleSize))
		totalW = max(totalW, min(tw, 3000)+2*margin)
	}
	if big := max(totalW, totalH) * scale; big > maxSide {
		scale *= maxSide / big
	}
	if px := float64(totalW*scale) * float64(totalH*scale); px > maxPixels {
		scale *= float32(math.Sqrt(maxPixels / px))
	}
	wPx := int(math.Ceil(float64(totalW * scale)))
	hPx := int(math.Ceil(float64(totalH * scale)))

	img := image.NewRGBA(image.Rect(0, 0, wPx, hPx))
	draw.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	p := &painter{
		img:   img,
		rast:  vector.NewRasterizer(0, 0),
		scale: scale,
		// Centre the diagram when the title made the image wider.
		dx: (totalW-contentW)/2 - b.Min.X,
		dy: margin + band - b.Min.Y,
	}
	r.p = p

	if title != "" {
		line := singleLine(title, float64((totalW-2*margin)*scale), func(t string) float64 {
			return r.measure(t, true, titleSize*scale)
		})
		r.text(line, true, titleSize*scale, titleInk, vec{margin * scale, (margin + titleSize*0.75) * scale}, false)
	}
	if empty {
		r.block([]string{emptyText}, false, 16*scale, 20*scale, mutedInk, vec{totalW * scale / 2, (band + totalH) / 2 * scale})
	} else {
		ls := links(d, m)
		for _, l := range ls {
			r.link(l)
		}
		for i := range d.Nodes {
			r.node(d, i)
		}
		for _, l := range ls {
			r.linkLabel(l)
		}
	}

	if err := encodePNG(w, img); err != nil {
		return usererr.Wrap(err, "L’image de la structure n’a pas pu être écrite. Vérifiez qu’il reste de la place sur le disque, puis réessayez.")
	}
	return nil
}

func isBad(f float32) bool {
	return math.IsNaN(float64(f)) || math.IsInf(float64(f), 0)
}

// renderer draws the parts of a diagram on a painter.
type renderer struct {
	p             *painter
	regular, bold *opentype.Font
	// faces caches one face per weight and pixel size; a face is not safe
	// for concurrent use, so each PNG call has its own.
	faces map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	size float32
}

func (r *renderer) face(bold bool, size float32) font.Face {
	k := faceKey{bold, size}
	if f, ok := r.faces[k]; ok {
		return f
	}
	src := r.regular
	if bold {
		src = r.bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Only a non-positive size fails; draw nothing rather than panic.
		f = nil
	}
	r.faces[k] = f
	return f
}

// measure is the width in pixels of s at size pixels.
func (r *renderer) measure(s string, bold bool, size float32) float64 {
	f := r.face(bold, size)
	if f == nil {
		return 0
	}
	return fix(font.MeasureString(f, s))
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// text draws one line of s with its baseline at at, centred on at.x when
// centre is set. s must have gone through pdfdoc.Clean.
func (r *renderer) text(s string, bold bool, size float32, c color.RGBA, at vec, centre bool) {
	f := r.face(bold, size)
	if f == nil || s == "" {
		return
	}
	x := float64(at.x)
	if centre {
		x -= fix(font.MeasureString(f, s)) / 2
	}
	d := font.Drawer{Dst: r.p.img, Src: image.NewUniform(c), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(float64(at.y) * 64))}}
	d.DrawString(s)
}

// block draws lines centred on c, one under the other.
func (r *renderer) block(lines []string, bold bool, size, lineH float32, ink color.RGBA, c vec) {
	f := r.face(bold, size)
	if f == nil {
		return
	}
	m := f.Metrics()
	asc, desc := float32(fix(m.Ascent)), float32(fix(m.Descent))
	top := c.y - lineH*float32(len(lines))/2
	// Centre the ascent–descent box of each line in its line height.
	base := top + (lineH-(asc+desc))/2 + asc
	for i, l := range lines {
		r.text(l, bold, size, ink, vec{c.x, base + lineH*float32(i)}, true)
	}
}

func (r *renderer) node(d structure.Drawing, i int) {
	p := r.p
	n, o := d.Nodes[i], d.Outline(i)
	col := rgba(n.Kind.Color())
	w, h := o.W, o.H
	c := p.px(n.Center())
	sw, sh := w*p.scale, h*p.scale
	hollow := unfilled(n)
	inset := float32(0)
	if hollow {
		inset = outlineWidth * p.scale / 2
	}
	var shape []vec
	switch n.Kind.Shape() {
	case structure.ShapeCircle:
		shape = ellipse(c, sw/2-inset, sh/2-inset)
	case structure.ShapeHexagon:
		hex := o.Hexagon()
		shape = make([]vec, len(hex))
		for i, q := range hex {
			shape[i] = p.px(q)
		}
		shape = orient(shape)
	case structure.ShapeRoundRect:
		shape = roundRect(box{c.x - sw/2 + inset, c.y - sh/2 + inset, c.x + sw/2 - inset, c.y + sh/2 - inset},
			o.Radius()*p.scale-inset)
	default:
		shape = roundRect(box{c.x - sw/2 + inset, c.y - sh/2 + inset, c.x + sw/2 - inset, c.y + sh/2 - inset}, 0)
	}
	ink := white
	if hollow {
		p.fill([][]vec{shape}, white)
		p.fill(stroke(shape, outlineWidth*p.scale, true, []float32{outlineDashOn * p.scale, outlineDashOf * p.scale}), col)
		ink = col
	} else {
		p.fill([][]vec{shape}, col)
	}

	// The lines as the canvas breaks them, at the size they were measured
	// at times the scale.
	r.block(d.Boxes[i].Lines, true, structure.LabelSize*p.scale, structure.LabelLine*p.scale, ink, c)
}

func (r *renderer) link(l link) {
	p := r.p
	col := rgba(l.kind.Color())
	var dash []float32
	if l.kind.Dashed() {
		dash = []float32{linkDashOn * p.scale, linkDashOff * p.scale}
	}
	var polys [][]vec
	for _, s := range l.strokes {
		polys = append(polys, stroke([]vec{p.px(s[0]), p.px(s[1])}, l.width*p.scale, false, dash)...)
	}
	if l.arrow != nil {
		tri := make([]vec, len(l.arrow))
		for i, q := range l.arrow {
			tri[i] = p.px(q)
		}
		polys = append(polys, orient(tri))
	}
	p.fill(polys, col)
}

func (r *renderer) linkLabel(l link) {
	label := l.label
	if label == "" {
		return
	}
	p := r.p
	size := linkLabelSize * p.scale
	f := r.face(false, size)
	if f == nil {
		return
	}
	m := f.Metrics()
	asc, desc := float32(fix(m.Ascent)), float32(fix(m.Descent))
	tw := float32(r.measure(label, false, size))
	c := p.px(l.mid)
	pad := linkLabelPad * p.scale
	bg := box{c.x - tw/2 - pad, c.y - (asc+desc)/2 - pad/2, c.x + tw/2 + pad, c.y + (asc+desc)/2 + pad/2}
	p.fill([][]vec{roundRect(bg, pad)}, white)
	r.text(label, false, size, rgba(l.kind.Color()), vec{c.x, c.y - (asc+desc)/2 + asc}, true)
}
