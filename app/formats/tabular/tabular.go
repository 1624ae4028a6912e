// Package tabular holds what Atelier's table formats share, so that every
// reader and writer of a spreadsheet file behaves the same way: turning a
// file's bytes into text (Decode), splitting delimited text into records
// without letting a stray quote swallow the rows after it (Records),
// writing CSV that no spreadsheet runs as a formula whatever its list
// separator (Writer, Guard, Unguard), and opening a workbook only once its
// size is known to be sane (OpenXLSX).
package tabular

// nbsp is the no-break space French puts before « : » and inside « »;
// nnbsp the narrow one before ; ? !
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)
