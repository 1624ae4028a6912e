package diagram

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/structure"
)

// renderPDF writes s to a file in a temporary directory and returns its path
// and bytes.
func renderPDF(t *testing.T, s structure.Structure, opt PDFOptions) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "structure.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := PDF(f, s, opt); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", data[:min(len(data), 16)])
	}
	return path, data
}

// poppler runs a poppler-utils tool, skipping the test when it is missing.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not installed (poppler-utils)", tool)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func TestPDFReproducible(t *testing.T) {
	s := sample()
	opt := PDFOptions{Subtitle: "Cohorte d’automne", Created: fixedDate}
	_, first := renderPDF(t, s, opt)
	for range 3 {
		if _, again := renderPDF(t, s, opt); !bytes.Equal(first, again) {
			t.Fatal("two renders of the same structure differ")
		}
	}
	if !bytes.Contains(first, []byte("D:20261104183000")) {
		t.Error("the creation date is not the one given")
	}
	later := opt
	later.Created = fixedDate.Add(time.Hour)
	if _, other := renderPDF(t, s, later); bytes.Equal(first, other) {
		t.Error("the creation date is not written")
	}
}

func TestPDFText(t *testing.T) {
	path, _ := renderPDF(t, sample(), PDFOptions{Created: fixedDate})
	// pdftotext writes non-breaking spaces as spaces and a cell's lines
	// one under the other: compare with runs of spaces as one.
	text := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{
		"Séance 3 — Structure «\u00a0Mouvement pour le climat — Estrie\u00a0»",
		"Éléments et mandats",
		"Élément", "Raison d’être", "Redevabilités", "Domaine", "Méthode de décision", "Membres", "Fin de mandat",
		"Médias et messages", "Œuvre des jeunes pour la Terre", "Culture régénératrice",
		"groupe de travail", "pôle (hub)", "organisation partenaire", "rôle", "cercle", "personne", "équipe",
		"à pourvoir", "4 novembre 2026", "1er décembre 2026", "Amélie Côté",
		"lié à\u00a0: Médias et messages",
		"Page 1 / 3", "Page 2 / 3", "Page 3 / 3",
	} {
		if !strings.Contains(text, oneLine(want)) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	info := poppler(t, "pdfinfo", path)
	for _, want := range []string{"Pages:           3", "A4", "Producer:        Atelier", "Creator:         Atelier"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !regexp.MustCompile(`Page size:\s+841\.89 x 595\.28`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
}

func TestPDFFontsEmbedded(t *testing.T) {
	path, _ := renderPDF(t, sample(), PDFOptions{Created: fixedDate})
	out := poppler(t, "pdffonts", path)
	embedded := 0
	for _, l := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			continue
		}
		// name, type (two words), encoding, emb, sub, uni, object, generation
		emb := f[len(f)-5]
		if !strings.Contains(strings.ToLower(f[0]), "dejavu") || emb != "yes" {
			t.Errorf("font not embedded DejaVu: %s", l)
			continue
		}
		embedded++
	}
	if embedded != 2 {
		t.Errorf("%d DejaVu fonts embedded, want regular and bold:\n%s", embedded, out)
	}
}

func TestPDFAwkwardText(t *testing.T) {
	for i, text := range awkward {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s := sample()
			s.Name = text
			for j := range s.Nodes {
				if j%3 == i%3 {
					n := &s.Nodes[j]
					n.Label, n.Purpose, n.Domain = text, text, text
					n.Members = append(n.Members, text)
				}
			}
			s.Links[0].Label = text
			path, _ := renderPDF(t, s, PDFOptions{Title: text, Subtitle: text, Created: fixedDate})
			poppler(t, "pdftotext", path, "-")
		})
	}
}

func TestPDFEmpty(t *testing.T) {
	path, _ := renderPDF(t, structure.Structure{Name: "Vide"}, PDFOptions{Created: fixedDate})
	text := oneLine(poppler(t, "pdftotext", path, "-"))
	for _, want := range []string{"Structure vide", "Page 1 / 1", "« Vide »"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q in %q", want, text)
		}
	}
}

func TestPDFCustomTitle(t *testing.T) {
	path, _ := renderPDF(t, sample(), PDFOptions{Title: "Notre structure", Subtitle: "Cohorte A", Created: fixedDate})
	text := poppler(t, "pdftotext", path, "-")
	if !strings.Contains(text, "Notre structure") || !strings.Contains(text, "Cohorte A") || strings.Contains(text, "Séance 3") {
		t.Errorf("title or subtitle not as given:\n%s", text[:min(len(text), 200)])
	}
}

// long is a structure whose table needs several pages, one row of which is
// taller than a page.
func long() structure.Structure {
	s := sample()
	para := strings.Repeat("Veiller à ce que chaque décision soit prise par consentement et consignée. ", 2)
	for i := range 30 {
		s.Nodes = append(s.Nodes, structure.Node{ID: int64(100 + i), Kind: structure.NodeKinds()[i%7],
			Label: fmt.Sprintf("Groupe supplémentaire numéro %d aux intitulés interminables", i), X: float32(i * 40), Y: 1500,
			Purpose: para, Accountabilities: para + "\n" + para, Domain: "Le domaine", DecisionMethod: "Sollicitation d’avis",
			Members: []string{"Une personne au nom composé très long", "Quelqu’un d’autre"},
			TermEnd: time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)})
	}
	s.Nodes[0].Accountabilities = strings.Repeat("Une redevabilité parmi bien d’autres.\n", 120)
	return s
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func TestPDFTableNeverOverflows(t *testing.T) {
	path, _ := renderPDF(t, long(), PDFOptions{Created: fixedDate})
	html := poppler(t, "pdftotext", "-bbox", path, "-")
	const pt = 72 / 25.4 // points per millimetre
	pages := strings.Split(html, "<page ")[1:]
	if len(pages) < 5 {
		t.Fatalf("%d pages, want the table over several", len(pages))
	}
	// Column boundaries, where no word may cross.
	var edges []float64
	x := pageMargin
	for _, c := range columns[:len(columns)-1] {
		x += c.w
		edges = append(edges, x*pt)
	}
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for i, p := range pages {
		m := pageRe.FindStringSubmatch("<page " + p)
		if m == nil {
			t.Fatalf("page %d: no size", i+1)
		}
		w, h := f(m[1]), f(m[2])
		text := ""
		for _, wm := range wordRe.FindAllStringSubmatch(p, -1) {
			x0, y0, x1, y1, word := f(wm[1]), f(wm[2]), f(wm[3]), f(wm[4]), wm[5]
			text += word + " "
			if x0 < pageMargin*pt-1 || x1 > w-pageMargin*pt+1 {
				t.Errorf("page %d: %q outside the side margins (%.0f–%.0f)", i+1, word, x0, x1)
			}
			if y0 < h-(footerSpace-1)*pt && y1 > h-footerSpace*pt+1 {
				t.Errorf("page %d: %q runs into the footer (%.0f > %.0f)", i+1, word, y1, h-footerSpace*pt)
			}
			if i == 0 || y0 < (pageMargin+9)*pt {
				continue // the diagram, the table's title
			}
			for _, e := range edges {
				if x0 < e-0.5 && x1 > e+0.5 {
					t.Errorf("page %d: %q crosses a column edge at %.0f (%.0f–%.0f)", i+1, word, e, x0, x1)
				}
			}
		}
		if want := fmt.Sprintf("Page %d / %d", i+1, len(pages)); !strings.Contains(text, want) {
			t.Errorf("page %d: no footer %q", i+1, want)
		}
		if i > 0 && !strings.Contains(text, "Raison d’être") {
			t.Errorf("page %d: the table header is not repeated", i+1)
		}
	}
	if plain := poppler(t, "pdftotext", path, "-"); !strings.Contains(plain, "(suite)") {
		t.Error("a row split over two pages is not marked as continued")
	}
}

// oneLine turns every run of white space, non-breaking ones included, into
// one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func BenchmarkPDF(b *testing.B) {
	s := large()
	for b.Loop() {
		if err := PDF(discard{}, s, PDFOptions{Created: fixedDate}); err != nil {
			b.Fatal(err)
		}
	}
}
