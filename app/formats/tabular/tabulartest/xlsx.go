package tabulartest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// Cell is one text cell of a workbook XLSX builds, « XFD12 » for Ref.
type Cell struct{ Ref, Text string }

// XLSX builds, without excelize, the smallest workbook Excel opens: one
// sheet named sheet holding cells (in row order) as inline strings. pad
// bytes of spaces are added inside the sheet, which compress a
// thousandfold: a zip bomb of that size.
func XLSX(sheet string, cells []Cell, pad int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) io.Writer {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		io.WriteString(w, body)
		return w
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`+
		`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>`+
		`</Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheets><sheet name="`+html.EscapeString(sheet)+`" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`+
		`</Relationships>`)
	w := put("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := 0
	for _, c := range cells {
		n := 0
		fmt.Sscanf(strings.TrimLeft(c.Ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "%d", &n)
		if n != row {
			if row > 0 {
				io.WriteString(w, "</row>")
			}
			row = n
			fmt.Fprintf(w, `<row r="%d">`, n)
		}
		fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, c.Ref, html.EscapeString(c.Text))
	}
	if row > 0 {
		io.WriteString(w, "</row>")
	}
	spaces := strings.Repeat(" ", 1<<16)
	for ; pad > 0; pad -= len(spaces) {
		io.WriteString(w, spaces[:min(pad, len(spaces))])
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// ReplacePart returns the workbook data with its part name (« xl/
// worksheets/sheet1.xml ») holding body instead: for fuzzing what a sheet
// says inside an otherwise real workbook.
func ReplacePart(data []byte, name string, body []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			panic(err)
		}
		if zf.Name == name {
			w.Write(body)
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			panic(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Part is the content of one part of a workbook.
func Part(data []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				panic(err)
			}
			defer rc.Close()
			body, _ := io.ReadAll(rc)
			return body
		}
	}
	return nil
}
