package diagram

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
)

// Metrics lays the labels of nodes out in DejaVu Sans Bold, the font the
// canvas, the PNG and the PDF write them in, so that all three break the
// lines at the same places and grow the shapes alike. It implements
// structure.Metrics. It is safe for concurrent use: an export may run
// while the canvas draws. Results are cached, so that a drag, which lays
// out the same labels again, costs map lookups.
type Metrics struct {
	mu            sync.Mutex
	bold, regular font.Face // at structure.LabelSize and LinkLabelSize
	widths        map[string]float64
	linkWidths    map[string]float64
	boxes         map[boxKey]structure.Box
}

type boxKey struct {
	kind  structure.NodeKind
	label string
}

// cacheLimit bounds each cache: labels typed one letter at a time would
// otherwise pile up for as long as the app runs.
const cacheLimit = 1 << 14

// LabelMetrics is the one Metrics of the app, built on first use and
// shared by the canvas, the PNG and the PDF.
func LabelMetrics() (*Metrics, error) { return sharedMetrics() }

var sharedMetrics = sync.OnceValues(newMetrics)

func newMetrics() (*Metrics, error) {
	regular, bold, err := pdfdoc.Fonts()
	if err != nil {
		return nil, err
	}
	face := func(f *opentype.Font, size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	}
	m := &Metrics{widths: map[string]float64{}, linkWidths: map[string]float64{}, boxes: map[boxKey]structure.Box{}}
	if m.bold, err = face(bold, structure.LabelSize); err != nil {
		return nil, err
	}
	if m.regular, err = face(regular, structure.LinkLabelSize); err != nil {
		return nil, err
	}
	return m, nil
}

// Box is node n's label, cleaned as every export cleans text, laid out in
// its shape, and the shape's size.
func (m *Metrics) Box(n structure.Node) structure.Box {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := boxKey{n.Kind, n.Label}
	if b, ok := m.boxes[k]; ok {
		return b
	}
	if len(m.boxes) >= cacheLimit {
		clear(m.boxes)
	}
	b := structure.LayOut(n.Kind, pdfdoc.Clean(n.Label), m.width)
	m.boxes[k] = b
	return b
}

// Width is how wide text is in bold at structure.LabelSize, in canvas
// units.
func (m *Metrics) Width(text string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.width(text)
}

// width is Width with m.mu held.
func (m *Metrics) width(text string) float64 {
	return cached(m.widths, m.bold, text)
}

// LinkLabelWidth is how wide a link's label is written, in canvas units.
func (m *Metrics) LinkLabelWidth(label string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return cached(m.linkWidths, m.regular, pdfdoc.Clean(label))
}

// LinkLabel is a link's label as it is drawn: cleaned, on one line, cut
// with « … » past structure.LinkLabelMax.
func (m *Metrics) LinkLabel(label string) string {
	label = pdfdoc.Clean(label)
	if label == "" {
		return ""
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return structure.SingleLine(label, structure.LinkLabelMax, func(s string) float64 {
		return cached(m.linkWidths, m.regular, s)
	})
}

func cached(c map[string]float64, f font.Face, text string) float64 {
	if w, ok := c[text]; ok {
		return w
	}
	if len(c) >= cacheLimit {
		clear(c)
	}
	w := fix(font.MeasureString(f, text))
	c[text] = w
	return w
}
