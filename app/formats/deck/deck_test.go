package deck

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"atelier/workshops"
)

var created = time.Date(2026, 12, 30, 18, 30, 0, 0, time.UTC)

// Every session's deck: one 16:9 page a slide, its text readable back,
// the speaker notes left out, and the same bytes each time.
func TestDecksOfTheFiveSessions(t *testing.T) {
	for _, p := range workshops.MustPlans() {
		var a, b bytes.Buffer
		if err := PDF(&a, p, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		if err := PDF(&b, p, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("séance %d: two writes differ", p.Number)
		}
		if _, err := exec.LookPath("pdfinfo"); err != nil {
			continue
		}
		path := filepath.Join(t.TempDir(), "diapos.pdf")
		os.WriteFile(path, a.Bytes(), 0o600)
		info, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(info), "Pages:") || !strings.Contains(string(info), "720 x 405 pts") {
			t.Errorf("séance %d: %s", p.Number, info)
		}
		if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(info)); m == nil || m[1] != strconv.Itoa(len(p.Slides)) {
			t.Errorf("séance %d: %v pages, want %d", p.Number, m, len(p.Slides))
		}
		text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for i, s := range p.Slides {
			if first := strings.Fields(s.Title)[0]; !strings.Contains(flat, first) {
				t.Errorf("séance %d, diapo %d: title %q not in the PDF", p.Number, i+1, s.Title)
			}
			if strings.Contains(flat, strings.Join(strings.Fields(s.Notes), " ")) {
				t.Errorf("séance %d, diapo %d: the speaker notes are printed", p.Number, i+1)
			}
		}
		// The first slide is the deck's title page: the course, the
		// session's number and its official title.
		cover, err := exec.Command("pdftotext", "-f", "1", "-l", "1", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		coverText := strings.Join(strings.Fields(string(cover)), " ")
		for _, want := range []string{strings.Join(strings.Fields(p.Title), " "), "Comment bâtir et soutenir des mouvements décentralisés", "Séance " + strconv.Itoa(p.Number) + " sur 5"} {
			if !strings.Contains(coverText, want) {
				t.Errorf("séance %d: the title page lacks %q:\n%s", p.Number, want, coverText)
			}
		}
		if !strings.Contains(flat, "1 / "+strconv.Itoa(len(p.Slides))) {
			t.Errorf("séance %d: no page numbers", p.Number)
		}
	}
}

// BenchmarkDeck21 writes session 1's deck, the longest (21 slides).
func TestCoverLines(t *testing.T) {
	p := workshops.MustPlans()[0]
	s := p.Slides[0]
	s.Title = "Bienvenue"
	s.Lines = []string{p.Title, "Séance 1 : introduction", "Formation « Comment bâtir et soutenir des mouvements décentralisés »", "Séance 1 sur 5", "Caméra facultative"}
	if got := strings.Join(coverLines(p, s), " | "); got != "Bienvenue | Caméra facultative" {
		t.Errorf("cover lines %q", got)
	}
}

func BenchmarkDeck21(b *testing.B) {
	p := workshops.MustPlans()[0]
	for b.Loop() {
		if err := PDF(io.Discard, p, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}
