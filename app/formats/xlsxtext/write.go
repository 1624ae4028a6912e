package xlsxtext

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Write writes the workbook f to w so that the same workbook always gives
// the same bytes, whoever writes it (the window or the command line) and
// however often. excelize lists some content types and orders the parts
// of the archive by map iteration, which changes from run to run; here the
// content types are sorted and the parts rewritten in a fixed order,
// copied as compressed, so it costs little.
func Write(w io.Writer, f *excelize.File) error {
	if ct := f.ContentTypes; ct != nil {
		sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	parts := slices.Clone(zr.File)
	slices.SortFunc(parts, func(a, b *zip.File) int {
		if c := rank(a.Name) - rank(b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	zw := zip.NewWriter(w)
	for _, p := range parts {
		if err := zw.Copy(p); err != nil {
			return err
		}
	}
	return zw.Close()
}

// rank puts the package's own parts first, as Excel writes them.
func rank(name string) int {
	switch name {
	case "[Content_Types].xml":
		return 0
	case "_rels/.rels":
		return 1
	}
	return 2
}
