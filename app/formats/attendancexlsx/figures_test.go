package attendancexlsx

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

// seatHolders is n people holding a seat, inscrit·e and confirmé·e in turn,
// with ids 1 to n.
func seatHolders(n int) []participants.Participant {
	names := []string{"Zoé Tremblay", "Élodie Gagnon", "André Roy", "Benoît Côté", "Chloé Lévesque", "Émile Bélanger",
		"François Girard", "Geneviève Morin", "Hélène Fortin", "Isaac Pelletier", "Œuvre Ouellet", "Julie Caron"}
	people := make([]participants.Participant, n)
	for i := range people {
		st := participants.Inscrit
		if i%2 == 1 {
			st = participants.Confirme
		}
		people[i] = participants.Participant{ID: int64(i + 1), Name: names[i], Email: fmt.Sprintf("p%d@example.org", i+1), Status: st}
	}
	return people
}

// scenario is a cohort's state at one moment, with what the workbook must
// say of it.
type scenario struct {
	name   string
	people []participants.Participant
	marks  []participants.Attendance
	// now is the export's moment from the cohort's sessions.
	now func(c course.Cohort) time.Time
	// summary are cells of « Synthèse », rates the « Taux de présence » of
	// people by name, footer the « Séance tenue » cells: cached values,
	// rates as ratios, "" for an empty result.
	summary, rates map[string]string
	footer         []string // per session, then the held count
}

func after(n int) func(course.Cohort) time.Time {
	return func(c course.Cohort) time.Time { return c.Sessions[n-1].StartsAt.Add(2 * time.Hour) }
}

func beforeAll(c course.Cohort) time.Time { return c.Sessions[0].StartsAt.Add(-24 * time.Hour) }

func frac(a, b int) string { return strconv.FormatFloat(float64(a)/float64(b), 'g', -1, 64) }

func scenarios() []scenario {
	video := func(id int64) participants.Attendance {
		return participants.Attendance{ParticipantID: id, SessionID: 101, Mark: participants.Present, Minutes: 85, Note: "Rapport vidéo"}
	}
	walkIns := append(seatHolders(2),
		participants.Participant{ID: 20, Name: "Walter Sans-Place", Status: participants.SansInscription},
		participants.Participant{ID: 21, Name: "Wanda Attente", Status: participants.Attente},
		participants.Participant{ID: 22, Name: "Xavier Parti", Status: participants.Desiste},
	)
	return []scenario{
		{
			// The issue: a video report marked 3 people présent·e·s at
			// session 1, nobody else; the workbook said 100 %.
			name: "3 of 11 came to session 1", people: seatHolders(11),
			marks: []participants.Attendance{video(1), video(2), video(3)}, now: after(1),
			summary: map[string]string{
				"C3": "11", "C4": "11", "C5": "1", "C6": frac(3, 11),
				"E9": "oui", "F9": "11", "G9": "3", "H9": "0", "I9": "0", "J9": "0", "K9": "8", "L9": frac(3, 11), "M9": "0",
				"E10": "non", "F10": "11", "G10": "0", "K10": "11", "L10": "", "M10": "0",
			},
			rates:  map[string]string{"Zoé Tremblay": "1", "André Roy": "1", "Benoît Côté": "0", "Œuvre Ouellet": "0"},
			footer: []string{"oui", "non", "non", "non", "non", "1"},
		},
		{
			// Session 2 has started, nobody is marked at it: it is held.
			name: "1 of 2 held sessions is 50 %", people: seatHolders(2),
			marks: []participants.Attendance{
				{ParticipantID: 1, SessionID: 101, Mark: participants.Present},
				{ParticipantID: 2, SessionID: 101, Mark: participants.Retard},
			},
			now: after(2),
			summary: map[string]string{
				"C3": "2", "C4": "2", "C5": "2", "C6": "0.5",
				"E9": "oui", "G9": "1", "H9": "1", "K9": "0", "L9": "1",
				"E10": "oui", "G10": "0", "K10": "2", "L10": "0",
				"E11": "non", "L11": "",
			},
			rates:  map[string]string{"Zoé Tremblay": "0.5", "Élodie Gagnon": "0.5"},
			footer: []string{"oui", "oui", "non", "non", "non", "2"},
		},
		{
			name: "walk-in and waiting list came", people: walkIns,
			marks: []participants.Attendance{
				{ParticipantID: 1, SessionID: 101, Mark: participants.Present},
				{ParticipantID: 2, SessionID: 101, Mark: participants.Absent},
				{ParticipantID: 20, SessionID: 101, Mark: participants.Present, Note: participants.WalkInNote},
				{ParticipantID: 21, SessionID: 101, Mark: participants.Retard},
				{ParticipantID: 22, SessionID: 101, Mark: participants.Absent},
			},
			now: after(1),
			summary: map[string]string{
				"C3": "5", "C4": "2", "C5": "1", "C6": "0.5",
				"E9": "oui", "F9": "2", "G9": "1", "H9": "0", "I9": "1", "J9": "0", "K9": "0", "L9": "0.5", "M9": "2",
				"F10": "2", "M10": "0",
			},
			rates:  map[string]string{"Walter Sans-Place": "1", "Wanda Attente": "1", "Xavier Parti": "0", "Élodie Gagnon": "0"},
			footer: []string{"oui", "non", "non", "non", "non", "1"},
		},
		{
			name: "nothing started, nothing marked", people: seatHolders(3), now: beforeAll,
			summary: map[string]string{
				"C3": "3", "C4": "3", "C5": "0", "C6": "",
				"E9": "non", "F9": "3", "K9": "3", "L9": "", "E13": "non", "L13": "",
			},
			rates:  map[string]string{"Zoé Tremblay": "", "André Roy": ""},
			footer: []string{"non", "non", "non", "non", "non", "0"},
		},
	}
}

func TestWriteFigures(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			c := testCohort(t)
			opt := testOptions
			opt.Now = sc.now(c)
			_, f := writeFileOpts(t, c, sc.people, sc.marks, opt)
			for cell, want := range sc.summary {
				if got := raw(t, f, SheetSummary, cell); !sameValue(got, want) {
					t.Errorf("Synthèse!%s = %q, attendu %q", cell, got, want)
				}
			}
			rows := personRows(t, f)
			for name, want := range sc.rates {
				r, ok := rows[name]
				if !ok {
					t.Fatalf("pas de ligne pour %q", name)
				}
				if got := raw(t, f, SheetAttendance, cellName(fixedCols+len(c.Sessions)+2, r)); !sameValue(got, want) {
					t.Errorf("taux de %s = %q, attendu %q", name, got, want)
				}
			}
			footer := len(sc.people) + 3
			if got := raw(t, f, SheetAttendance, cellName(1, footer)); got != "Séance tenue" {
				t.Errorf("A%d = %q", footer, got)
			}
			for i, want := range sc.footer {
				if got := raw(t, f, SheetAttendance, cellName(fixedCols+1+i, footer)); got != want {
					t.Errorf("%s = %q, attendu %q", cellName(fixedCols+1+i, footer), got, want)
				}
			}
			checkReport(t, f, c, sc.people, sc.marks, opt.Now)
		})
	}
}

// personRows finds each person's row on « Présences » by name.
func personRows(t *testing.T, f *excelize.File) map[string]int {
	t.Helper()
	rows, err := f.GetRows(SheetAttendance)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, r := range rows[1:] {
		if len(r) > 0 && r[0] != "" {
			at[r[0]] = i + 2
		}
	}
	return at
}

// checkReport checks every cached figure against attendance.Tally, the
// figures of the screen and the certificates.
func checkReport(t *testing.T, f *excelize.File, c course.Cohort, people []participants.Participant, marks []participants.Attendance, now time.Time) {
	t.Helper()
	rep := attendance.Tally(c, people, marks, now)
	want := func(r attendance.Rate) string {
		if v, ok := r.Ratio(); ok {
			return strconv.FormatFloat(v, 'g', -1, 64)
		}
		return ""
	}
	check := func(sheet, cell, want string) {
		t.Helper()
		if got := raw(t, f, sheet, cell); !sameValue(got, want) {
			t.Errorf("%s!%s = %q, attendu %q (attendance.Tally)", sheet, cell, got, want)
		}
	}
	check(SheetSummary, "C3", strconv.Itoa(len(people)))
	check(SheetSummary, "C4", strconv.Itoa(rep.Expected))
	check(SheetSummary, "C5", strconv.Itoa(rep.Held))
	check(SheetSummary, "C6", want(rep.Cohort))
	for i, s := range rep.Sessions {
		r := strconv.Itoa(summaryFirstRow + i)
		held := "non"
		if s.Held {
			held = "oui"
		}
		for col, v := range map[string]string{
			"E": held, "F": strconv.Itoa(s.Expected), "G": strconv.Itoa(s.Present), "H": strconv.Itoa(s.Late),
			"I": strconv.Itoa(s.Absent), "J": strconv.Itoa(s.Excused), "K": strconv.Itoa(s.Unmarked),
			"L": want(s.Rate()), "M": strconv.Itoa(s.Others),
		} {
			check(SheetSummary, col+r, v)
		}
	}
	rows := personRows(t, f)
	attended, rate := fixedCols+len(c.Sessions)+1, fixedCols+len(c.Sessions)+2
	for _, p := range people {
		pr := rep.People[p.ID]
		check(SheetAttendance, cellName(attended, rows[p.Name]), strconv.Itoa(pr.Attended))
		check(SheetAttendance, cellName(rate, rows[p.Name]), want(pr.Rate))
	}
	check(SheetAttendance, cellName(attended, len(people)+3), strconv.Itoa(rep.Held))
}

// TestWriteFormulas checks the formulas of the example, which the
// other front ends quote.
func TestWriteFormulas(t *testing.T) {
	sc := scenarios()[0]
	c := testCohort(t)
	opt := testOptions
	opt.Now = sc.now(c)
	_, f := writeFileOpts(t, c, sc.people, sc.marks, opt)
	// 11 people on rows 2 to 12, a blank row, the footer on row 14.
	const P = "'Présences'!"
	for _, tt := range []struct{ sheet, cell, want string }{
		{SheetAttendance, "K2", `COUNTIF(F2:J2,"Présent·e")+COUNTIF(F2:J2,"En retard")`},
		{SheetAttendance, "L2", `IF($K$14=0,"",K2/$K$14)`},
		{SheetAttendance, "L12", `IF($K$14=0,"",K12/$K$14)`},
		{SheetAttendance, "F14", `IF(OR(TRUE,COUNTA(F2:F12)>0),"oui","non")`},
		{SheetAttendance, "G14", `IF(OR(FALSE,COUNTA(G2:G12)>0),"oui","non")`},
		{SheetAttendance, "K14", `COUNTIF(F14:J14,"oui")`},
		{SheetSummary, "C3", `COUNTA(` + P + `$A$2:$A$12)`},
		{SheetSummary, "C4", `COUNTIF(` + P + `$E$2:$E$12,"inscrit·e")+COUNTIF(` + P + `$E$2:$E$12,"confirmé·e")`},
		{SheetSummary, "C5", P + `$K$14`},
		{SheetSummary, "C6", `IF(SUMIF($E$9:$E$13,"oui",$F$9:$F$13)=0,"",(SUMIF($E$9:$E$13,"oui",$G$9:$G$13)+SUMIF($E$9:$E$13,"oui",$H$9:$H$13))/SUMIF($E$9:$E$13,"oui",$F$9:$F$13))`},
		{SheetSummary, "E9", P + `F14`},
		{SheetSummary, "F9", `$C$4`},
		{SheetSummary, "G9", `COUNTIFS(` + P + `$E$2:$E$12,"inscrit·e",` + P + `$F$2:$F$12,"Présent·e")+COUNTIFS(` + P + `$E$2:$E$12,"confirmé·e",` + P + `$F$2:$F$12,"Présent·e")`},
		{SheetSummary, "H10", `COUNTIFS(` + P + `$E$2:$E$12,"inscrit·e",` + P + `$G$2:$G$12,"En retard")+COUNTIFS(` + P + `$E$2:$E$12,"confirmé·e",` + P + `$G$2:$G$12,"En retard")`},
		{SheetSummary, "J13", `COUNTIFS(` + P + `$E$2:$E$12,"inscrit·e",` + P + `$J$2:$J$12,"Excusé·e")+COUNTIFS(` + P + `$E$2:$E$12,"confirmé·e",` + P + `$J$2:$J$12,"Excusé·e")`},
		{SheetSummary, "K9", `F9-SUM(G9:J9)`},
		{SheetSummary, "L9", `IF(AND(E9="oui",F9>0),(G9+H9)/F9,"")`},
		{SheetSummary, "M9", `COUNTIF(` + P + `$F$2:$F$12,"Présent·e")+COUNTIF(` + P + `$F$2:$F$12,"En retard")-G9-H9`},
	} {
		if got := formula(t, f, tt.sheet, tt.cell); got != tt.want {
			t.Errorf("%s!%s = %s\nattendu       %s", tt.sheet, tt.cell, got, tt.want)
		}
	}
}

// TestExpectedFollowsHoldsSeat checks that the formulas count exactly the
// statuses that hold a seat.
func TestExpectedFollowsHoldsSeat(t *testing.T) {
	got := sumOverSeats(func(c string) string { return "COUNTIF(X," + c + ")" })
	for _, s := range participants.Statuses() {
		term := fmt.Sprintf(`COUNTIF(X,"%s")`, participants.StatusLabels[s])
		if strings.Contains(got, term) != s.HoldsSeat() {
			t.Errorf("%s : statut %q compté %v, place %v", got, s, strings.Contains(got, term), s.HoldsSeat())
		}
	}
}

func TestWriteNowDefaultsToCreated(t *testing.T) {
	c := testCohort(t)
	opt := testOptions
	opt.Created, opt.Now = after(1)(c), time.Time{}
	_, f := writeFileOpts(t, c, seatHolders(2), nil, opt)
	if got := raw(t, f, SheetSummary, "E9"); got != "oui" {
		t.Errorf("séance 1 commencée à la création : tenue = %q", got)
	}
	if got := raw(t, f, SheetSummary, "E10"); got != "non" {
		t.Errorf("séance 2 : tenue = %q", got)
	}
	if got := formula(t, f, SheetAttendance, "F5"); got != `IF(OR(TRUE,COUNTA(F2:F3)>0),"oui","non")` {
		t.Errorf("F5 = %s", got)
	}
}

// TestWriteEdgeCohorts writes a cohort with nobody and one with no session:
// every range stays valid and every figure is empty or zero.
func TestWriteEdgeCohorts(t *testing.T) {
	t.Run("nobody", func(t *testing.T) {
		c := testCohort(t)
		opt := testOptions
		opt.Now = after(2)(c)
		_, f := writeFileOpts(t, c, nil, nil, opt)
		// The blank row 2 stands for the people; the footer is on row 3.
		for cell, want := range map[string]string{
			"F3": `IF(OR(TRUE,COUNTA(F2:F2)>0),"oui","non")`,
			"K3": `COUNTIF(F3:J3,"oui")`,
		} {
			if got := formula(t, f, SheetAttendance, cell); got != want {
				t.Errorf("%s = %s, attendu %s", cell, got, want)
			}
		}
		if got := formula(t, f, SheetSummary, "C4"); got != `COUNTIF('Présences'!$E$2:$E$2,"inscrit·e")+COUNTIF('Présences'!$E$2:$E$2,"confirmé·e")` {
			t.Errorf("C4 = %s", got)
		}
		for cell, want := range map[string]string{"C3": "0", "C4": "0", "C5": "2", "C6": "", "E9": "oui", "F9": "0", "L9": "", "E11": "non"} {
			if got := raw(t, f, SheetSummary, cell); got != want {
				t.Errorf("Synthèse!%s = %q, attendu %q", cell, got, want)
			}
		}
		checkReport(t, f, c, nil, nil, opt.Now)
	})
	t.Run("no session", func(t *testing.T) {
		c := testCohort(t)
		c.Sessions = nil
		people := seatHolders(2)
		_, f := writeFileOpts(t, c, people, nil, testOptions)
		// F « Séances suivies », G « Taux de présence », footer on row 5.
		for cell, want := range map[string]string{"F1": "Séances suivies", "G1": "Taux de présence", "A5": "Séance tenue", "F5": "0", "F2": "0", "G2": ""} {
			if got := raw(t, f, SheetAttendance, cell); got != want {
				t.Errorf("Présences!%s = %q, attendu %q", cell, got, want)
			}
		}
		if got := formula(t, f, SheetAttendance, "F2"); got != "" {
			t.Errorf("F2 porte la formule %s", got)
		}
		if got := formula(t, f, SheetAttendance, "G2"); got != `IF($F$5=0,"",F2/$F$5)` {
			t.Errorf("G2 = %s", got)
		}
		for cell, want := range map[string]string{"C3": "2", "C4": "2", "C5": "0", "C6": "", "A9": ""} {
			if got := raw(t, f, SheetSummary, cell); got != want {
				t.Errorf("Synthèse!%s = %q, attendu %q", cell, got, want)
			}
		}
		if got := formula(t, f, SheetSummary, "C6"); got != "" {
			t.Errorf("C6 porte la formule %s", got)
		}
		checkReport(t, f, c, people, nil, testOptions.Created)
	})
}
