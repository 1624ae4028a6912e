package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/library"
	"atelier/workshops"
)

// Word pools for generated resources: the vocabulary of the course, with
// its accents, ligatures and apostrophes, wide enough that a topic word is
// in about one resource out of ten, as in a real library.
var (
	benchSubjects = []string{"la coalition", "l’organisation distribuée", "la stratégie", "la sociocratie",
		"l’assemblée générale", "la mobilisation", "le pouvoir populaire", "la désobéissance civile",
		"l’écologie sociale", "le syndicalisme", "la démocratie directe", "les récits militants",
		"la gouvernance partagée", "l’éducation populaire", "la campagne électorale", "le mouvement étudiant",
		"la solidarité internationale", "l’autogestion", "les comités de quartier", "la négociation collective",
		"le porte-à-porte", "la levée de fonds", "les médias sociaux", "la prise de parole", "la facilitation",
		"le consensus", "l’holacratie", "les cercles", "la résolution de conflits", "l’inclusion",
		"l’accessibilité", "le bénévolat", "la relève", "le leadership partagé", "les alliances",
		"la justice climatique", "le logement", "les droits des locataires", "la santé communautaire",
		"l’économie sociale", "les coopératives", "le féminisme", "l’antiracisme", "la décolonisation",
		"les Premières Nations", "la culture militante", "le soin collectif", "l’épuisement militant",
		"la sécurité numérique", "les manifestations", "les pétitions", "le lobbying",
		"les élections municipales", "la recherche-action", "l’évaluation d’impact",
		"la théorie du changement", "la cartographie du pouvoir", "le recrutement",
		"la formation des formateurs", "la mémoire des luttes"}
	benchVerbs = []string{"Bâtir", "Comprendre", "Mettre en œuvre", "Repenser", "Animer", "Décentraliser",
		"Financer", "Évaluer", "Raconter", "Réussir", "Défendre", "Élargir", "Enseigner", "Documenter",
		"Soutenir", "Transmettre"}
	benchQualifiers = []string{"au Québec", "en région", "à Montréal", "dans les cégeps", "en milieu de travail",
		"sans hiérarchie", "pas à pas", "à grande échelle", "entre militant·e·s", "pour débutant·e·s",
		"en temps de crise", "à distance", "avec peu de moyens", "sur le long terme", "en milieu rural",
		"dans les quartiers"}
	benchSentences = []string{
		"Ce guide présente des outils concrets pour %s.",
		"L’autrice revient sur vingt ans d’expérience de %s.",
		"Une étude de cas sur %s et ses limites.",
		"Des exercices pratiques pour animer un atelier sur %s.",
		"On y compare plusieurs modèles de %s à travers le monde.",
		"Un entretien avec des personnes engagées dans %s.",
		"Le balado aborde %s sans jargon.",
		"Une grille d’analyse pour situer %s dans votre contexte.",
		"Des fiches à photocopier sur %s.",
		"Un retour critique sur %s, vingt ans plus tard.",
		"La vidéo résume les étapes clés de %s.",
		"Un dossier qui relie %s aux luttes locales.",
	}
	benchAuthors = []string{"Hélène Tremblay", "Marie-Ève Côté", "Jean-François Bélanger", "Chloé Gagnon",
		"Noémie Lévesque", "François Ouellet", "Zoé Bouchard", "Loïc Pelletier", "Amina Diallo",
		"Gabriel Roy", "Léa Morin", "Samuel Fortin"}
	benchSources = []string{"The Commons Library", "Blueprints for Change", "Momentum", "Beautiful Trouble",
		"Sunrise Movement", "Atelier"}
	benchTags = []string{"stratégie", "organisation distribuée", "coalition", "sociocratie", "mobilisation",
		"récit", "gouvernance", "écologie", "syndicat", "formation", "communication", "finances",
		"facilitation", "logement", "climat", "féminisme", "antiracisme", "numérique", "élections",
		"quartier", "jeunesse", "coopérative", "santé", "culture", "histoire", "droit", "médias",
		"bénévolat", "évaluation", "recrutement"}
)

// manyResources makes n distinct resources, always the same ones.
func manyResources(n int) []library.Resource {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	rs := make([]library.Resource, n)
	for i := range rs {
		subject := pick(benchSubjects)
		var summary strings.Builder
		for range 2 + rng.IntN(3) {
			fmt.Fprintf(&summary, pick(benchSentences)+" ", pick(benchSubjects))
		}
		tags := []string{pick(benchTags), pick(benchTags)}
		r := library.Resource{
			Title:    fmt.Sprintf("%s %s %s (n° %d)", pick(benchVerbs), subject, pick(benchQualifiers), i+1),
			Source:   pick(benchSources),
			Author:   pick(benchAuthors),
			Language: []string{"fr", "en"}[i%2],
			Summary:  strings.TrimSpace(summary.String()),
			Tags:     tags,
			Sessions: []int{1 + i%5},
		}
		if i%2 == 1 {
			r.OriginalTitle = fmt.Sprintf("Building %d", i+1)
			r.HasFrench = i%4 == 1
			r.URL = fmt.Sprintf("https://exemple.org/ressources/%d", i+1)
		}
		rs[i] = r
	}
	return rs
}

// benchQueries are what people type in the search box: whole words and
// the first letters of one.
var benchQueries = []string{"coalition", "organisation distribuee", "stratégie", "oeuvre",
	"l'organisation", "sociocratie", "coa", "soc", "mob", "hélène tremblay", "syndicalisme québec"}

// benchWorst matches nearly every resource: the most a search can cost.
const benchWorst = "de"

// benchLimit is the page of results the search box asks for.
const benchLimit = 50

// benchEngines are the engines the library's benchmarks compare: a file,
// and a team database over the test cluster's Unix socket.
var benchEngines = []struct {
	name string
	open func(testing.TB) *Store
}{{"sqlite", openTest}, {"postgres", openTeamTest}}

// seededLibrary opens a store with open and seeds it with rs.
func seededLibrary(b *testing.B, open func(testing.TB) *Store, rs []library.Resource) *Store {
	b.Helper()
	s := open(b)
	start := time.Now()
	added, err := s.SeedLibrary(context.Background(), rs)
	if err != nil || added != len(rs) {
		b.Fatalf("seeded %d, %v", added, err)
	}
	b.Logf("SeedLibrary(%d): %v", len(rs), time.Since(start).Round(time.Millisecond))
	if s.team {
		// The server's autovacuum analyses a table that grew, within a
		// minute: done at once, every run measures the plans a team's
		// database gets.
		if _, err := s.db.ExecContext(context.Background(), "ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkSearch5000 searches a library of 5,000 resources as the search
// box does, for the best benchLimit results, on each engine. ns/op is the
// mean over the mix of benchQueries; p95-ms is the 95th percentile of the
// slowest of them, each timed over 1,000 searches; p95-ms-worst is that of
// benchWorst.
func BenchmarkSearch5000(b *testing.B) {
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) { benchSearch(b, seededLibrary(b, e.open, manyResources(5000))) })
	}
}

// BenchmarkSearchCatalogue is BenchmarkSearch5000 on the catalogue shipped
// with the course (workshops), what a team starts with.
func BenchmarkSearchCatalogue(b *testing.B) {
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) { benchSearch(b, seededLibrary(b, e.open, workshops.MustResources())) })
	}
}

func benchSearch(b *testing.B, s *Store) {
	ctx := context.Background()
	search := func(text string) {
		if _, err := s.SearchResources(ctx, Query{Text: text, Limit: benchLimit}); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		search(benchQueries[i%len(benchQueries)])
		i++
	}
	b.StopTimer()
	p95 := func(q string) time.Duration {
		times := make([]time.Duration, 1000)
		for j := range times {
			start := time.Now()
			search(q)
			times[j] = time.Since(start)
		}
		slices.Sort(times)
		p := times[len(times)*95/100]
		b.Logf("%-24q p50 %5.2f ms, p95 %5.2f ms", q, ms(times[len(times)/2]), ms(p))
		return p
	}
	var worst time.Duration
	for _, q := range benchQueries {
		worst = max(worst, p95(q))
	}
	b.ReportMetric(ms(worst), "p95-ms")
	b.ReportMetric(ms(p95(benchWorst)), "p95-ms-worst")
}

// BenchmarkResources5000 lists a library of 5,000 resources in French
// order, as the library screen does before anything is typed.
func BenchmarkResources5000(b *testing.B) {
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) {
			ctx := context.Background()
			s := seededLibrary(b, e.open, manyResources(5000))
			for b.Loop() {
				if rs, err := s.Resources(ctx); err != nil || len(rs) != 5000 {
					b.Fatalf("%d resources, %v", len(rs), err)
				}
			}
		})
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
