package store

import (
	"testing"

	"atelier/app/store/pgtest"
)

// TestMain shares one throwaway PostgreSQL cluster among the tests that
// ask for a team database, and stops it at the end; tests that do not ask
// start none.
func TestMain(m *testing.M) { pgtest.Main(m) }
