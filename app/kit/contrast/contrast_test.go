package contrast

import (
	"image/color"
	"math"
	"testing"
)

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xFF} }

// TestRatio checks the maths against values WCAG's own examples and the
// usual checkers give.
func TestRatio(t *testing.T) {
	black, white := rgb(0, 0, 0), rgb(0xFF, 0xFF, 0xFF)
	for _, c := range []struct {
		name string
		a, b color.Color
		want float64
	}{
		{"black on white", black, white, 21},
		{"white on black", white, black, 21},
		{"same colour", rgb(0x80, 0x40, 0x20), rgb(0x80, 0x40, 0x20), 1},
		{"#777 on white, just under AA", rgb(0x77, 0x77, 0x77), white, 4.48},
		{"#767676 on white, just over AA", rgb(0x76, 0x76, 0x76), white, 4.54},
		{"pure red on white", rgb(0xFF, 0, 0), white, 4.00},
		{"pure blue on white", rgb(0, 0, 0xFF), white, 8.59},
		{"Fyne's light foreground", rgb(0x56, 0x56, 0x56), white, 7.34},
	} {
		if got := Ratio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("%s: ratio %.3f, want %.2f", c.name, got, c.want)
		}
	}
	if l := Luminance(rgb(0xFF, 0xFF, 0xFF)); math.Abs(l-1) > 1e-9 {
		t.Errorf("white's luminance %v, want 1", l)
	}
	if l := Luminance(rgb(0, 0, 0)); l != 0 {
		t.Errorf("black's luminance %v, want 0", l)
	}
}

func TestOver(t *testing.T) {
	for _, c := range []struct {
		top, bottom color.Color
		want        color.NRGBA
	}{
		{color.NRGBA{R: 0, G: 0, B: 0, A: 0xFF}, rgb(0xFF, 0xFF, 0xFF), rgb(0, 0, 0)},
		{color.NRGBA{R: 0, G: 0, B: 0, A: 0}, rgb(0x12, 0x34, 0x56), rgb(0x12, 0x34, 0x56)},
		{color.NRGBA{R: 0, G: 0, B: 0, A: 0x80}, rgb(0xFF, 0xFF, 0xFF), rgb(0x7F, 0x7F, 0x7F)},
		{color.NRGBA{R: 0x00, G: 0x6C, B: 0xFF, A: 0x40}, rgb(0xFF, 0xFF, 0xFF), rgb(0xBF, 0xDA, 0xFF)},
	} {
		if got := Over(c.top, c.bottom); got != c.want {
			t.Errorf("%v over %v = %v, want %v", c.top, c.bottom, got, c.want)
		}
	}
}

func TestDeltaE(t *testing.T) {
	for _, c := range []struct {
		name   string
		a, b   color.Color
		lo, hi float64
	}{
		{"black to white", rgb(0, 0, 0), rgb(0xFF, 0xFF, 0xFF), 99.9, 100.1},
		{"same colour", rgb(0x2E, 0x86, 0xAB), rgb(0x2E, 0x86, 0xAB), 0, 1e-9},
		// sRGB red is L*a*b* (53.24, 80.09, 67.20), green (87.73, −86.18, 83.18).
		{"red to green", rgb(0xFF, 0, 0), rgb(0, 0xFF, 0), 170.4, 170.7},
		{"one step of grey", rgb(0x80, 0x80, 0x80), rgb(0x81, 0x81, 0x81), 0.2, 0.6},
	} {
		if got := DeltaE(c.a, c.b); got < c.lo || got > c.hi {
			t.Errorf("%s: ΔE %.3f, want in [%g, %g]", c.name, got, c.lo, c.hi)
		}
	}
}
