package handout

import (
	"bytes"
	"errors"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/usererr"
)

// after is a moment when every session of the fixture has been held.
var after = time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC)

// tally marks who attended which sessions (indexes into c.Sessions) and
// counts the cohort at now.
func tally(c course.Cohort, list []participants.Participant, attended map[int64][]int, now time.Time) attendance.Report {
	var marks []participants.Attendance
	for id, sessions := range attended {
		for _, s := range sessions {
			marks = append(marks, participants.Attendance{ParticipantID: id, SessionID: c.Sessions[s].ID, Mark: participants.Present})
		}
	}
	return attendance.Tally(c, list, marks, now)
}

func TestCertificates(t *testing.T) {
	c, _ := fixture(t)
	list := []participants.Participant{
		{ID: 1, Name: "Élodie Gagnon", Status: participants.Confirme},
		{ID: 2, Name: "Fatou 😀 Diallo", Status: participants.Confirme},
		{ID: 3, Name: "Dominique Lavoie", Status: participants.Confirme},
	}
	r := tally(c, list, map[int64][]int{1: {0, 1, 2, 3, 4}, 2: {0, 2, 3}, 3: {1}}, after)
	// The caller chose who qualifies and their order; Dominique is left out.
	path, _ := write(t, "certificates.pdf", func(b *bytes.Buffer) error {
		return Certificates(b, c, []participants.Participant{list[1], list[0]}, r, opts())
	})
	if n := pages(t, path); n != 2 {
		t.Fatalf("%d certificates, want 2", n)
	}
	got := text(t, path, false)
	last := c.Sessions[len(c.Sessions)-1].StartsAt.In(c.Location())
	if last.Day() != 2 || last.Month() != time.December {
		t.Fatalf("the fixture's last session is on %v", last)
	}
	for _, want := range []string{
		"Attestation de participation", "Nous attestons que", "Fatou Diallo", "Élodie Gagnon",
		"3 séances suivies sur 5 :", "5 séances suivies sur 5 :",
		"Séance 1 — Comment les mouvements décentralisés réussissent-ils ? Introduction à la stratégie. (4 novembre 2026)",
		"Séance 4 — Travailler ensemble sans s’épuiser",
		"Cohorte automne 2026", "Animation : Camille Roy et Noé Tremblay Fait le 2 décembre 2026",
		"« " + course.CourseTitle + " »",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("certificates lack %q:\n%s", want, got)
		}
	}
	fatou := got[:strings.Index(got, "Élodie")]
	if strings.Contains(fatou, "Séance 2 —") || !strings.Contains(fatou, "Séance 3 —") {
		t.Errorf("Fatou's certificate lists the wrong sessions: %s", fatou)
	}
	if strings.Index(got, "Fatou") > strings.Index(got, "Élodie") {
		t.Error("certificates not in the order given")
	}
	for _, bad := range []string{"Dominique", "?  Diallo", "Fatou ? ", "Page 1"} {
		if strings.Contains(got, bad) {
			t.Errorf("certificates show %q", bad)
		}
	}
}

func TestCertificateAttendedLine(t *testing.T) {
	tests := []struct {
		n, held int
		want    string
	}{
		{1, 5, "1 séance suivie sur 5\u00a0:"},
		{2, 5, "2 séances suivies sur 5\u00a0:"},
		{3, 3, "3 séances suivies sur 3\u00a0:"},
		{1, 1, "1 séance suivie sur 1\u00a0:"},
		{2, 0, "2 séances suivies\u00a0:"},
	}
	for _, tt := range tests {
		if got := attendedLine(tt.n, tt.held); got != tt.want {
			t.Errorf("attendedLine(%d, %d) = %q, want %q", tt.n, tt.held, got, tt.want)
		}
	}
}

// Held counts the sessions held so far, not the cohort's five.
func TestCertificatesBeforeTheEnd(t *testing.T) {
	c, _ := fixture(t)
	list := []participants.Participant{{ID: 1, Name: "Élodie Gagnon", Status: participants.Confirme}}
	third := c.Sessions[2].StartsAt.Add(3 * time.Hour)
	r := tally(c, list, map[int64][]int{1: {0}}, third)
	path, _ := write(t, "certificate.pdf", func(b *bytes.Buffer) error { return Certificates(b, c, list, r, opts()) })
	got := text(t, path, false)
	if !strings.Contains(got, "1 séance suivie sur 3 :") || !strings.Contains(got, "Fait le 2 décembre 2026") {
		t.Errorf("got %s", got)
	}
}

func TestCertificatesNobody(t *testing.T) {
	c, _ := fixture(t)
	var b bytes.Buffer
	err := Certificates(&b, c, nil, attendance.Report{}, opts())
	const want = "Personne n’a droit à une attestation\u00a0: aucune personne n’a encore suivi le nombre de séances demandé."
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if !errors.Is(err, ErrNoCertificate) || !usererr.ForPerson(err) || usererr.Message(err) != want {
		t.Errorf("not a sentence for a person: %#v", err)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written", b.Len())
	}
}

// word is one word of pdftotext -bbox, in points from the top left.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// words reads every page's words with their boxes.
func words(t *testing.T, path string) (pageW, pageH float64, perPage [][]word) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent")
	}
	out, err := exec.Command(bin, "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for _, pg := range strings.Split(string(out), "</page>") {
		m := bboxPage.FindStringSubmatch(pg)
		if m == nil {
			continue
		}
		pageW, pageH = f(m[1]), f(m[2])
		var ws []word
		for _, w := range bboxWord.FindAllStringSubmatch(pg, -1) {
			ws = append(ws, word{w[5], f(w[1]), f(w[2]), f(w[3]), f(w[4])})
		}
		perPage = append(perPage, ws)
	}
	return pageW, pageH, perPage
}

// TestCertificateFitsInTheFrame renders long names, long titles and three
// facilitators and checks that every word lies inside the inner frame,
// with room to spare.
func TestCertificateFitsInTheFrame(t *testing.T) {
	c, _ := fixture(t)
	opt := opts()
	opt.Facilitators = []string{"Marie-Claude Desrosiers-Lafontaine", "Jean-François Beauchemin-Tremblay", "Anne-Sophie Villeneuve-Côté 🌱"}
	c.Name = "Cohorte d’automne 2026 du Regroupement des organismes communautaires de la Côte-Nord et du Saguenay–Lac-Saint-Jean"
	long := "Marie-Ève Bouchard-Saint-Amand de la Rivière-aux-Outardes"
	list := []participants.Participant{
		{ID: 1, Name: long, Status: participants.Confirme},
		{ID: 2, Name: strings.Repeat(long+" ", 12), Status: participants.Confirme},
	}
	all := []int{0, 1, 2, 3, 4}
	r := tally(c, list, map[int64][]int{1: all, 2: all}, after)
	path, _ := write(t, "certificates.pdf", func(b *bytes.Buffer) error { return Certificates(b, c, list, r, opt) })
	const mm = 72 / 25.4
	pw, ph, perPage := words(t, path)
	if len(perPage) != 2 {
		t.Fatalf("%d pages", len(perPage))
	}
	// Inside the inner frame with at least 4 mm to spare.
	minX, minY := (innerFrame+4)*mm, (innerFrame+4)*mm
	maxX, maxY := pw-(innerFrame+4)*mm, ph-(innerFrame+4)*mm
	for i, ws := range perPage {
		var page []string
		for _, w := range ws {
			page = append(page, w.text)
			if w.xMin < minX || w.yMin < minY || w.xMax > maxX || w.yMax > maxY {
				t.Errorf("page %d: %q at (%.1f, %.1f)–(%.1f, %.1f) pt crosses the frame (%.1f, %.1f)–(%.1f, %.1f)",
					i+1, w.text, w.xMin, w.yMin, w.xMax, w.yMax, minX, minY, maxX, maxY)
			}
		}
		got := strings.Join(page, " ")
		// The first certificate says everything; the second, with its
		// absurd name cut after three lines, too.
		for _, want := range []string{"Attestation", "Bouchard-Saint-Amand", "Séance 1", "Séance 5", "convergence", "Beauchemin-Tremblay",
			"Villeneuve-Côté", "Saguenay–Lac-Saint-Jean", "Fait le 2 décembre 2026"} {
			if !strings.Contains(got, want) {
				t.Errorf("page %d lacks %q: %s", i+1, want, got)
			}
		}
	}
}

// TestCertificateLayoutShrinks checks with the layout itself that even far
// too much text stays inside the box, smaller, and that ordinary text
// keeps its full size.
func TestCertificateLayoutShrinks(t *testing.T) {
	c, _ := fixture(t)
	loc := c.Location()
	long := "Marie-Ève Bouchard-Saint-Amand de la Rivière-aux-Outardes"
	base := certificateText{name: pdfdoc.Name(long), attended: attendedLine(5, 5), cohort: c.Name,
		facilitators: names([]string{"Camille Roy", "Noé Tremblay", "Zoë Martin"}), issued: "2 décembre 2026"}
	for _, s := range c.Sessions {
		base.sessions = append(base.sessions, sessionLine(s, loc))
	}
	crowded := base
	crowded.name = strings.Repeat(long+" ", 20)
	crowded.sessions = nil
	for range 4 {
		crowded.sessions = append(crowded.sessions, base.sessions...)
	}
	crowded.facilitators = strings.Repeat(base.facilitators+", ", 10)
	d := newDoc("L", "", opts())
	_, top, _, bottom := d.certBox()
	for _, tt := range []struct {
		name    string
		text    certificateText
		full    bool // at full size, nothing left out
		minimum int  // lines at least
	}{
		{"five long sessions", base, true, 14},
		{"far too much", crowded, false, 25},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lines := d.layoutCertificate(tt.text)
			if len(lines) < tt.minimum {
				t.Fatalf("%d lines", len(lines))
			}
			end := lines[len(lines)-1]
			if lines[0].y < top || end.y+end.lh > bottom {
				t.Errorf("from %.1f to %.1f mm, outside %.1f–%.1f", lines[0].y, end.y+end.lh, top, bottom)
			}
			if tt.full && (lines[0].size != 26 || !strings.HasPrefix(end.text, "Fait le")) {
				t.Errorf("ordinary text shrunk or cut: %+v … %+v", lines[0], end)
			}
			if !tt.full && lines[0].size >= 26 {
				t.Error("crowded text not shrunk")
			}
		})
	}
}

func BenchmarkCertificates500(b *testing.B) {
	c, _ := fixture(b)
	list := people(500)
	var marks []participants.Attendance
	for _, p := range list {
		for _, s := range c.Sessions {
			marks = append(marks, participants.Attendance{ParticipantID: p.ID, SessionID: s.ID, Mark: participants.Present})
		}
	}
	r := attendance.Tally(c, list, marks, after)
	qualified := attendance.Qualified(r, list, 3)
	for b.Loop() {
		if err := Certificates(&bytes.Buffer{}, c, qualified, r, opts()); err != nil {
			b.Fatal(err)
		}
	}
}
