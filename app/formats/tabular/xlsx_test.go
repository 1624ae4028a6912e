package tabular

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"strings"
	"testing"

	"atelier/app/formats/tabular/tabulartest"
)

var testLimits = Limits{Rows: 100, Columns: 10, Cells: 500, Unzipped: 1 << 20}

func TestColumn(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA1": 27, "XFD12": 16384, "$B$2": 2, "b3": 2, "12": 0, "": 0} {
		if got := column(ref); got != want {
			t.Errorf("column(%q) = %d, want %d", ref, got, want)
		}
	}
}

// TestOpenXLSXLyingSize: a zip whose directory understates a part's size
// is refused when the part is read past it, not trusted.
func TestOpenXLSXLyingSize(t *testing.T) {
	good := tabulartest.XLSX("Feuille", []tabulartest.Cell{{Ref: "A1", Text: "Nom"}}, 0)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var body bytes.Buffer
		body.ReadFrom(rc)
		rc.Close()
		if zf.Name == "xl/worksheets/sheet1.xml" {
			s := strings.Replace(body.String(), "</sheetData>", strings.Repeat(" ", 4<<20)+"</sheetData>", 1)
			body.Reset()
			body.WriteString(s)
		}
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestCompression)
		fw.Write(body.Bytes())
		fw.Close()
		h := &zip.FileHeader{Name: zf.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body.Bytes()),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(min(body.Len(), 1000))}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	zw.Close()
	if _, err := OpenXLSX(b.Bytes(), testLimits); err == nil {
		t.Fatal("a workbook lying about its size was opened")
	}
	if f, err := OpenXLSX(good, testLimits); err != nil {
		t.Fatalf("the honest workbook: %v", err)
	} else {
		f.Close()
	}
}

func TestOpenXLSXLimits(t *testing.T) {
	row := func(refs ...string) (cells []tabulartest.Cell) {
		for _, r := range refs {
			cells = append(cells, tabulartest.Cell{Ref: r, Text: "x"})
		}
		return cells
	}
	tests := []struct {
		name  string
		cells []tabulartest.Cell
		pad   int
		says  string
	}{
		{"fits", row("A1", "J1", "A100"), 0, ""},
		{"column past the limit", row("A1", "K2"), 0, "colonne K (la 11e)"},
		{"row past the limit", row("A1", "A101"), 0, "ligne 101"},
		{"too many cells", row("J1", "J2", "J3", "J4", "J5", "J6", "J7", "J8", "J9", "J10", "J11", "J12", "J13", "J14", "J15", "J16", "J17", "J18", "J19", "J20", "J21", "J22", "J23", "J24", "J25", "J26", "J27", "J28", "J29", "J30", "J31", "J32", "J33", "J34", "J35", "J36", "J37", "J38", "J39", "J40", "J41", "J42", "J43", "J44", "J45", "J46", "J47", "J48", "J49", "J50", "J51"), 0, "trop de cellules"},
		{"unpacks too big", row("A1"), 2 << 20, "plus de 1\u00a0Mo"},
	}
	for _, tt := range tests {
		f, err := OpenXLSX(tabulartest.XLSX("Feuille", tt.cells, tt.pad), testLimits)
		if tt.says == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			} else {
				f.Close()
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.says) || errors.Is(err, ErrNotXLSX) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.says)
		}
	}
	if _, err := OpenXLSX([]byte("pas un zip"), testLimits); !errors.Is(err, ErrNotXLSX) {
		t.Errorf("not a zip: %v", err)
	}
}
