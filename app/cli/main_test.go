package cli

import (
	"testing"

	"atelier/app/store/pgtest"
)

// TestMain shares one throwaway PostgreSQL cluster among the tests that
// copy to or from a team database.
func TestMain(m *testing.M) { pgtest.Main(m) }
