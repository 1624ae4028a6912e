// Package officetest runs LibreOffice for tests, as a second spreadsheet
// that must read Atelier's workbooks the way Atelier meant them. Tests
// that use it are skipped where LibreOffice is not installed (soffice,
// from the libreoffice-calc-nogui package). Only tests import it.
package officetest

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Soffice is the LibreOffice program; the test is skipped without it.
func Soffice(t testing.TB) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) absent")
	}
	return soffice
}

// Profile makes a private LibreOffice profile, so that parallel runs do not
// share one, and returns its URL. recalc has it recalculate every formula
// of an .xlsx file on loading: by default LibreOffice keeps the values a
// workbook caches, and a comparison with them would prove nothing.
func Profile(t testing.TB, recalc bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "profile")
	if recalc {
		if err := os.MkdirAll(filepath.Join(dir, "user"), 0o700); err != nil {
			t.Fatal(err)
		}
		const xcu = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
		if err := os.WriteFile(filepath.Join(dir, "user", "registrymodifications.xcu"), []byte(xcu), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return (&url.URL{Scheme: "file", Path: dir}).String()
}

// Convert has LibreOffice convert files with filter into outdir.
func Convert(t testing.TB, soffice, profile, filter, outdir string, files ...string) {
	t.Helper()
	args := append([]string{"--headless", "-env:UserInstallation=" + profile, "--convert-to", filter, "--outdir", outdir}, files...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice : %v\n%s", err, out)
	}
}

// AllSheetsCSV is LibreOffice's CSV filter in UTF-8, the values
// unformatted, one file per sheet (the last token, -1, needs LibreOffice
// 7.2 or later): base-Sheet.csv.
const AllSheetsCSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// ReadCSV reads the CSV LibreOffice wrote for sheet of workbook base.
func ReadCSV(t testing.TB, dir, base, sheet string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, base+"-"+sheet+".csv"))
	if os.IsNotExist(err) {
		if _, err := os.Stat(filepath.Join(dir, base+".csv")); err == nil {
			t.Skip("cette version de LibreOffice n’exporte que la première feuille en CSV")
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Recalculated has LibreOffice open the workbook at path, recalculate
// every formula, and returns the sheets' values by name.
func Recalculated(t testing.TB, path string, sheets ...string) map[string][][]string {
	t.Helper()
	soffice := Soffice(t)
	out := t.TempDir()
	Convert(t, soffice, Profile(t, true), AllSheetsCSV, out, path)
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	got := map[string][][]string{}
	for _, s := range sheets {
		got[s] = ReadCSV(t, out, base, s)
	}
	return got
}

// Value is a value of LibreOffice's unformatted CSV as a workbook stores
// it: a percentage as its ratio.
func Value(s string) string {
	if p, ok := strings.CutSuffix(s, "%"); ok {
		if v, err := strconv.ParseFloat(p, 64); err == nil {
			return strconv.FormatFloat(v/100, 'g', -1, 64)
		}
	}
	return s
}

// At is the cell of rows at 1-based row r and column c, "" beyond.
func At(rows [][]string, r, c int) string {
	if r-1 < len(rows) && c-1 < len(rows[r-1]) {
		return rows[r-1][c-1]
	}
	return ""
}
