package ui

import (
	"testing"

	"atelier/app/store/pgtest"
)

// One PostgreSQL cluster for the binary, started by the first test that
// needs a team database (readonly_test.go), stopped at the end.
func TestMain(m *testing.M) { pgtest.Main(m) }
