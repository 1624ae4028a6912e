package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
)

// reportFixture is the call report of callreport's testdata named name,
// read for the session c shows.
func reportFixture(t *testing.T, c *checkinScreen, name string) *callreport.Report {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "formats", "callreport", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := callreport.Parse(f, c.session.StartsAt, c.ui.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestReportPreviewLinksAndSaves(t *testing.T) {
	u, st := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	rep := reportFixture(t, c, "zoom_participants.csv")
	p := c.previewReport(rep, nil)
	if len(p.plan.Result.Matched) != 1 || p.plan.Result.Matched[0].Participant.Name != "Hélène Tremblay" {
		t.Fatalf("matched %+v", p.plan.Result.Matched)
	}
	// The report is from another day than the session: the preview says so.
	if !strings.Contains(dialogText(u), "Attention") {
		t.Error("no warning about the date")
	}
	var awa, karim, marie int = -1, -1, -1
	for i, person := range p.roster {
		if person.Name == "Awa Diallo" {
			awa = i
		}
	}
	for i, a := range p.plan.Result.Unmatched {
		switch {
		case strings.HasPrefix(a.Name, "Karim"):
			karim = i
		case strings.HasPrefix(a.Name, "Marie-Ève"):
			marie = i
		}
	}
	if awa < 0 || karim < 0 || marie < 0 {
		t.Fatalf("awa %d karim %d marie %d in %+v", awa, karim, marie, p.plan.Result.Unmatched)
	}
	p.choices[karim].SetSelectedIndex(2 + awa) // « Lier à Awa Diallo »
	// Hélène's second device, linked by hand to her, must merge into her
	// mark, not replace it.
	tablet := -1
	for i, a := range p.plan.Result.Unmatched {
		if strings.HasPrefix(a.Name, "Tablette") {
			tablet = i
		}
	}
	helene := -1
	for i, person := range p.roster {
		if person.Name == "Hélène Tremblay" {
			helene = i
		}
	}
	p.choices[tablet].SetSelectedIndex(2 + helene)
	heleneMinutes := p.plan.Result.Matched[0].Mark.Minutes
	p.choices[marie].SetSelectedIndex(1) // walk-in
	// A report of another day asks first, and writes nothing until told.
	p.save()
	ctx := context.Background()
	if !strings.Contains(dialogText(u), "Enregistrer quand même ces présences") {
		t.Fatalf("no question before saving a report of another day: %q", dialogText(u))
	}
	if marks, _ := st.SessionAttendance(ctx, c.session.ID); len(marks) != 0 {
		t.Fatalf("marks written before the answer: %+v", marks)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Enregistrer quand même")

	marks, _ := st.SessionAttendance(ctx, c.session.ID)
	if len(marks) != 5 { // the three present, the two others expected marked absent
		t.Fatalf("saved %+v", marks)
	}
	if got := u.notice.label.Text; !u.notice.root.Visible() || got != "3 présences enregistrées · 2 absences" {
		t.Errorf("notice after saving: %v %q", u.notice.root.Visible(), got)
	}
	people, _ := st.Participants(ctx, u.cohort.ID)
	byID := map[int64]participants.Participant{}
	for _, person := range people {
		byID[person.ID] = person
	}
	names := map[string]participants.Attendance{}
	for _, m := range marks {
		names[byID[m.ParticipantID].Name] = m
	}
	if m, ok := names["Awa Diallo"]; !ok || m.Minutes < 150 {
		t.Errorf("Awa (linked to Karim's connections): %+v", m)
	}
	if m := names["Hélène Tremblay"]; m.Minutes < heleneMinutes || !strings.Contains(m.Note, "2\u00a0connexions") && !strings.Contains(m.Note, "2 connexions") {
		t.Errorf("Hélène's tablet did not merge into her mark: %+v (was %d min)", m, heleneMinutes)
	}
	if m, ok := names["Marie-Ève Gagnon"]; !ok || m.Minutes == 0 || byID[m.ParticipantID].Status != participants.SansInscription {
		t.Errorf("walk-in Marie-Ève: %+v", m)
	}
	// Awa (linked) and Hélène hold seats; Marie-Ève came without one. The
	// three seat holders the report does not list were marked absent.
	if got := c.count.Text; got != "Présences\u00a0: 1 sur 3 personnes attendues · 2 autres personnes présentes (sans place)" {
		t.Errorf("count %q", got)
	}
}

// The host and the cohort's facilitators are shown apart, as the team,
// and are not among the people to link or add.
func TestReportPreviewSetsTheTeamApart(t *testing.T) {
	u, _ := rosterUI(t)
	c := u.cohort
	c.Facilitators = []string{"Nadia Roy-Lefebvre"}
	if _, err := u.svc.UpdateCohort(context.Background(), c, false); err != nil {
		t.Fatal(err)
	}
	u.loadCohorts(c.ID)
	u.people.SelectIndex(1)
	ci := u.checkin
	rep := reportFixture(t, ci, "zoom_host_tag_fr.csv")
	p := ci.previewReport(rep, nil)
	want := "3 personnes de l’équipe d’animation, sans marque\u00a0: Salle Atelier (Hôte), Gabrielle Ouellet (Co-hôte) et Nadia Roy-Lefebvre"
	if p.team.Text != want || !p.team.Visible() {
		t.Errorf("team line %q (shown %v)\nwant       %q", p.team.Text, p.team.Visible(), want)
	}
	// Nobody of the report is on the waiting list: no blank line for it.
	if p.waiting.Visible() {
		t.Errorf("empty waiting line shown: %q", p.waiting.Text)
	}
	var unknown []string
	for _, a := range p.plan.Result.Unmatched {
		unknown = append(unknown, a.Name)
	}
	if strings.Join(unknown, ", ") != "Karim Benali, Inconnu·e" || len(p.choices) != 2 || len(p.unknown.Objects) != 2 {
		t.Errorf("not recognised: %q, %d choices, %d rows", unknown, len(p.choices), len(p.unknown.Objects))
	}
	if !strings.Contains(p.summary.Text, "non reconnu·e·s\u00a0: 2") {
		t.Errorf("summary %q", p.summary.Text)
	}
}
