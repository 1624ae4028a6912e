// Package arch holds no code, only the test that keeps the package
// boundaries of style.md: the domain (app/domain) and the file formats
// (app/formats) free of Fyne, SQL and the front ends; the application layer
// (app/service) free of Fyne and SQL; SQL in the store alone; and
// fyne.io/fyne/v2/app (cgo, OpenGL) in cmd/ alone.
package arch
