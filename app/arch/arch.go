// Package arch holds no code, only the test that keeps the package
// boundaries of style.md: domain packages free of Fyne and SQL, SQL in the
// store alone, and fyne.io/fyne/v2/app (cgo, OpenGL) in cmd/ alone.
package arch
