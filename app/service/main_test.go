package service

import (
	"testing"

	"atelier/app/store/pgtest"
)

// TestMain shares one throwaway PostgreSQL cluster among the tests that run
// on a team database.
func TestMain(m *testing.M) { pgtest.Main(m) }
