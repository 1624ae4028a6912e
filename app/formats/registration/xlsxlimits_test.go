package registration

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"atelier/app/formats/tabular/tabulartest"
)

// measure runs f and returns what it allocated in all and how long it took.
func measure(f func()) (uint64, time.Duration) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, d
}

// memoryBound is what reading any workbook may allocate in all.
const memoryBound = 200 << 20

// sparse is a roster with one more cell on each row, in column col.
func sparse(rows int, col string) []byte {
	cells := []tabulartest.Cell{{Ref: "A1", Text: "Nom"}}
	for n := 2; n <= rows+1; n++ {
		cells = append(cells, tabulartest.Cell{Ref: fmt.Sprintf("A%d", n), Text: fmt.Sprintf("Personne %d", n)},
			tabulartest.Cell{Ref: fmt.Sprintf("%s%d", col, n), Text: "x"})
	}
	return tabulartest.XLSX("Réponses", cells, 0)
}

// TestParseXLSXLimits: excelize filled every row to its widest column, so
// one cell in column XFD on each of 5 000 rows (a file of some 60 KB) took
// gigabytes; a sheet of spaces compressed a thousandfold was unpacked
// whole. Both are now refused from their measurements, before excelize
// builds anything, with the limit in the message, and in bounded memory.
func TestParseXLSXLimits(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		says string // in the error; "" when the file is read
		rows int
	}{
		{"a cell in column XFD on every row", sparse(5000, "XFD"), "colonne XFD", 0},
		{"too many rows", sparse(20001, "B"), "ligne 20001", 0},
		{"a sheet unpacking to 200 MB", tabulartest.XLSX("Réponses", []tabulartest.Cell{{Ref: "A1", Text: "Nom"}, {Ref: "A2", Text: "Awa"}}, 200<<20), "trop volumineux une fois décompressé", 0},
		{"wide but within the limits", sparse(4000, "GR"), "", 4000},
		{"too many cells in all", sparse(6000, "GR"), "trop de cellules", 0},
	}
	for _, tt := range tests {
		var (
			s   *Sheet
			err error
		)
		alloc, took := measure(func() { s, err = Parse(bytes.NewReader(tt.data), "inscriptions.xlsx", montreal) })
		t.Logf("%s: %d bytes of file, %.1f MB allocated, %v", tt.name, len(tt.data), float64(alloc)/(1<<20), took.Round(time.Millisecond))
		if alloc > memoryBound {
			t.Errorf("%s: %d MB allocated, over %d MB", tt.name, alloc>>20, memoryBound>>20)
		}
		if tt.says == "" {
			if err != nil || len(s.Rows) != tt.rows {
				t.Errorf("%s: error %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.says)
		}
	}
}

// BenchmarkParseSparseXLSX measures the refusal of the workbook with a
// cell in column XFD on each of 5 000 rows.
func BenchmarkParseSparseXLSX(b *testing.B) {
	data := sparse(5000, "XFD")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), "inscriptions.xlsx", montreal); err == nil {
			b.Fatal("accepted")
		}
	}
}
