package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/store"
	"atelier/workshops"
)

// BenchmarkImportRoster10k is `atelier import roster` of a 10,000-row form
// export into an empty cohort: read, map, plan, write in one transaction.
func BenchmarkImportRoster10k(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "inscriptions.csv")
	var sb strings.Builder
	sb.WriteString("\ufeffHorodateur,Adresse courriel,Prénom,Nom de famille,Pronoms,Groupe ou organisation,Ville,Pourquoi ?\r\n")
	for i := range 10_000 {
		fmt.Fprintf(&sb, "2026/11/%02d 18:%02d:05,personne%d@exemple.org,Hélène,Tremblay-%d,elle,Œuvre collective %d,Québec,\"Pour apprendre,\r\nensemble\"\r\n",
			1+i%28, i%60, i, i, i%50)
	}
	if err := os.WriteFile(file, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	env := Env{Stdout: io.Discard, Stderr: io.Discard, Plans: workshops.MustPlans(), Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }}
	n := 0
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("a%d.db", n))
		n++
		svc, err := open(env, db, creating)
		if err != nil {
			b.Fatal(err)
		}
		svc.Store().Close()
		b.StartTimer()
		if code := Run([]string{"--db", db, "import", "roster", file}, env); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.StopTimer()
	st, _ := store.Open(filepath.Join(dir, "a0.db"), store.Options{})
	defer st.Close()
}
