package attendancexlsx

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"atelier/app/formats/tabular/tabulartest"
)

// corrected is a « Présences » sheet of rows people, each with one more
// cell in column col.
func corrected(rows int, col string) []byte {
	cells := []tabulartest.Cell{{Ref: "A1", Text: headName}, {Ref: "B1", Text: headEmail}, {Ref: "C1", Text: "S1"}}
	for n := 2; n <= rows+1; n++ {
		cells = append(cells, tabulartest.Cell{Ref: fmt.Sprintf("A%d", n), Text: fmt.Sprintf("Personne %d", n)},
			tabulartest.Cell{Ref: fmt.Sprintf("%s%d", col, n), Text: "x"})
	}
	return tabulartest.XLSX(SheetAttendance, cells, 0)
}

// TestReadMarksLimits: one cell in column XFD per row of a corrected
// workbook made excelize allocate gigabytes, and a sheet of spaces
// compressed a thousandfold was unpacked whole (excelize's default limit
// is 16 GB). Both are refused first, in bounded memory.
func TestReadMarksLimits(t *testing.T) {
	c, people, marks := testCohort(t), testPeople(), testMarks()
	tests := []struct {
		name string
		data []byte
		says string
	}{
		{"a cell in column XFD on every row", corrected(5000, "XFD"), "colonne XFD"},
		{"a sheet unpacking to 200 MB", tabulartest.XLSX(SheetAttendance, []tabulartest.Cell{{Ref: "A1", Text: headName}}, 200<<20), "trop volumineux une fois décompressé"},
		{"too many rows", corrected(5001, "B"), "ligne 5001"},
		{"not a workbook", []byte("Nom,Courriel\nA,a@x\n"), "pas un classeur Excel"},
	}
	for _, tt := range tests {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, _, err := ReadMarks(bytes.NewReader(tt.data), c, people, marks)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d bytes of file, %.1f MB allocated, %v", tt.name, len(tt.data), float64(alloc)/(1<<20), took.Round(time.Millisecond))
		if alloc > 200<<20 {
			t.Errorf("%s: %d MB allocated", tt.name, alloc>>20)
		}
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.says)
		}
	}
}
