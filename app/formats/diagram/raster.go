package diagram

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"

	"atelier/app/domain/structure"
)

// vec is a point in pixels.
type vec struct{ x, y float32 }

// box is a bounding box in pixels.
type box struct{ x0, y0, x1, y1 float32 }

func (b box) rect() image.Rectangle {
	return image.Rect(int(math.Floor(float64(b.x0))), int(math.Floor(float64(b.y0))),
		int(math.Ceil(float64(b.x1))), int(math.Ceil(float64(b.y1))))
}

func boundsOf(poly []vec) box {
	b := box{poly[0].x, poly[0].y, poly[0].x, poly[0].y}
	for _, p := range poly[1:] {
		b.x0, b.y0 = min(b.x0, p.x), min(b.y0, p.y)
		b.x1, b.y1 = max(b.x1, p.x), max(b.y1, p.y)
	}
	return b
}

// Tiling keeps the rasteriser small: its cost grows with the area it
// covers, and a long diagonal link would otherwise cover most of the image.
const (
	tileSize     = 32
	maxUntiled   = 512 * 512
	maxChunk     = 48 // pixels; longer strokes are cut so that tiles stay cheap
	circleStepPx = 3  // pixels of arc per polygon side
)

// painter fills anti-aliased polygons on an RGBA image and maps canvas
// units to pixels.
type painter struct {
	img    *image.RGBA
	rast   *vector.Rasterizer
	scale  float32
	dx, dy float32 // pixel = (canvas + d) * scale
}

func (p *painter) px(pt structure.Point) vec {
	return vec{(pt.X + p.dx) * p.scale, (pt.Y + p.dy) * p.scale}
}

// fill paints the union of polys in c. Polygons must all turn the same way
// (see orient): the rasteriser adds signed areas, so opposite ones would
// cancel where they overlap.
func (p *painter) fill(polys [][]vec, c color.RGBA) {
	if len(polys) == 0 {
		return
	}
	boxes := make([]box, len(polys))
	all := boundsOf(polys[0])
	for i, pl := range polys {
		boxes[i] = boundsOf(pl)
		b := boxes[i]
		all = box{min(all.x0, b.x0), min(all.y0, b.y0), max(all.x1, b.x1), max(all.y1, b.y1)}
	}
	r := all.rect().Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	src := image.NewUniform(c)
	if len(polys) == 1 || r.Dx()*r.Dy() <= maxUntiled {
		p.raster(polys, r, src)
		return
	}
	var sel [][]vec
	for ty := r.Min.Y; ty < r.Max.Y; ty += tileSize {
		for tx := r.Min.X; tx < r.Max.X; tx += tileSize {
			t := image.Rect(tx, ty, min(tx+tileSize, r.Max.X), min(ty+tileSize, r.Max.Y))
			sel = sel[:0]
			for i, b := range boxes {
				if b.x1 >= float32(t.Min.X) && b.x0 <= float32(t.Max.X) &&
					b.y1 >= float32(t.Min.Y) && b.y0 <= float32(t.Max.Y) {
					sel = append(sel, polys[i])
				}
			}
			if len(sel) > 0 {
				p.raster(sel, t, src)
			}
		}
	}
}

// raster draws polys clipped to r. Parts outside r are still accumulated
// correctly by the rasteriser, so neighbouring tiles join without seams.
func (p *painter) raster(polys [][]vec, r image.Rectangle, src *image.Uniform) {
	p.rast.Reset(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for _, pl := range polys {
		if len(pl) < 3 {
			continue
		}
		p.rast.MoveTo(pl[0].x-ox, pl[0].y-oy)
		for _, q := range pl[1:] {
			p.rast.LineTo(q.x-ox, q.y-oy)
		}
		p.rast.ClosePath()
	}
	p.rast.Draw(p.img, r, src, image.Point{})
}

// orient makes poly turn the way every other polygon here turns.
func orient(poly []vec) []vec {
	var a float32
	for i, q := range poly {
		n := poly[(i+1)%len(poly)]
		a += q.x*n.y - n.x*q.y
	}
	if a > 0 {
		for i, j := 0, len(poly)-1; i < j; i, j = i+1, j-1 {
			poly[i], poly[j] = poly[j], poly[i]
		}
	}
	return poly
}

// ellipse is a polygon around (c) with radii rx, ry in pixels.
func ellipse(c vec, rx, ry float32) []vec {
	n := int(2 * math.Pi * float64(max(rx, ry)) / circleStepPx)
	n = max(16, min(n, 360))
	pts := make([]vec, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = vec{c.x + rx*float32(math.Cos(a)), c.y + ry*float32(math.Sin(a))}
	}
	return orient(pts)
}

// roundRect is a rectangle with corners of radius r, in pixels.
func roundRect(b box, r float32) []vec {
	r = max(0, min(r, (b.x1-b.x0)/2, (b.y1-b.y0)/2))
	if r < 0.5 {
		return orient([]vec{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}})
	}
	steps := max(3, min(int(math.Pi/2*float64(r)/circleStepPx), 48))
	corners := []struct {
		c     vec
		start float64
	}{
		{vec{b.x1 - r, b.y0 + r}, -math.Pi / 2},
		{vec{b.x1 - r, b.y1 - r}, 0},
		{vec{b.x0 + r, b.y1 - r}, math.Pi / 2},
		{vec{b.x0 + r, b.y0 + r}, math.Pi},
	}
	pts := make([]vec, 0, 4*(steps+1))
	for _, k := range corners {
		for i := 0; i <= steps; i++ {
			a := k.start + math.Pi/2*float64(i)/float64(steps)
			pts = append(pts, vec{k.c.x + r*float32(math.Cos(a)), k.c.y + r*float32(math.Sin(a))})
		}
	}
	return orient(pts)
}

// segment is the quad of a stroke of width w from a to b, cut into chunks.
func segment(dst [][]vec, a, b vec, w float32) [][]vec {
	dx, dy := b.x-a.x, b.y-a.y
	d := float32(math.Hypot(float64(dx), float64(dy)))
	if d < 1e-3 {
		return dst
	}
	ux, uy := dx/d, dy/d
	nx, ny := -uy*w/2, ux*w/2
	chunks := int(math.Ceil(float64(d / maxChunk)))
	for i := range chunks {
		t0, t1 := float32(i)/float32(chunks), float32(i+1)/float32(chunks)
		p0 := vec{a.x + dx*t0, a.y + dy*t0}
		p1 := vec{a.x + dx*t1, a.y + dy*t1}
		dst = append(dst, orient([]vec{
			{p0.x + nx, p0.y + ny}, {p1.x + nx, p1.y + ny},
			{p1.x - nx, p1.y - ny}, {p0.x - nx, p0.y - ny},
		}))
	}
	return dst
}

// stroke is the outline of the polyline pts with width w, dashed when dash
// holds on/off lengths in pixels; closed joins the last point to the first.
func stroke(pts []vec, w float32, closed bool, dash []float32) [][]vec {
	if closed && len(pts) > 0 {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	var out [][]vec
	if len(dash) == 0 {
		for i := 1; i < len(pts); i++ {
			out = segment(out, pts[i-1], pts[i], w)
		}
		return out
	}
	k, left, on := 0, dash[0], true
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		d := float32(math.Hypot(float64(b.x-a.x), float64(b.y-a.y)))
		pos := float32(0)
		for pos < d {
			step := min(left, d-pos)
			if on {
				t0, t1 := pos/d, (pos+step)/d
				out = segment(out,
					vec{a.x + (b.x-a.x)*t0, a.y + (b.y-a.y)*t0},
					vec{a.x + (b.x-a.x)*t1, a.y + (b.y-a.y)*t1}, w)
			}
			pos += step
			left -= step
			if left <= 1e-4 {
				k = (k + 1) % len(dash)
				left, on = dash[k], !on
			}
		}
	}
	return out
}
