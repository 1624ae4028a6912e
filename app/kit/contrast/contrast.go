// Package contrast holds the colour maths the app's readability rests on:
// WCAG 2 relative luminance and contrast ratio, the blend of a translucent
// colour over what it is drawn on, and the CIE76 colour difference that
// says whether two colours can be told apart.
package contrast

import (
	"image/color"
	"math"
)

// AA is the least contrast WCAG 2 level AA asks of body text; AALarge is
// the least for large text (24 px, or 18.66 px bold).
const (
	AA      = 4.5
	AALarge = 3.0
)

// linear turns an sRGB channel (0–1) into linear light.
func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// channels are c's red, green and blue in 0–1, alpha ignored (see Over).
func channels(c color.Color) (r, g, b float64) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return float64(n.R) / 255, float64(n.G) / 255, float64(n.B) / 255
}

// Luminance is c's WCAG relative luminance, 0 for black, 1 for white.
func Luminance(c color.Color) float64 {
	r, g, b := channels(c)
	return 0.2126*linear(r) + 0.7152*linear(g) + 0.0722*linear(b)
}

// Ratio is the WCAG contrast ratio of two opaque colours, from 1 to 21,
// in either order.
func Ratio(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Over is top, however translucent, painted over bottom (taken as
// opaque): the colour the eye sees, as the renderer blends it.
func Over(top, bottom color.Color) color.NRGBA {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	b := color.NRGBAModel.Convert(bottom).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(t.R, b.R), G: mix(t.G, b.G), B: mix(t.B, b.B), A: 0xFF}
}

// lab is c in CIE L*a*b* (D65 white).
func lab(c color.Color) (l, a, b float64) {
	r, g, bl := channels(c)
	r, g, bl = linear(r), linear(g), linear(bl)
	x := (0.4124*r + 0.3576*g + 0.1805*bl) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*bl
	z := (0.0193*r + 0.1192*g + 0.9505*bl) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// DeltaE is the CIE76 difference between two colours: about 2.3 is the
// least an eye notices side by side, black to white is 100.
func DeltaE(c1, c2 color.Color) float64 {
	l1, a1, b1 := lab(c1)
	l2, a2, b2 := lab(c2)
	return math.Sqrt((l1-l2)*(l1-l2) + (a1-a2)*(a1-a2) + (b1-b2)*(b1-b2))
}
