package callreport

import (
	"slices"
	"testing"
)

// The report says who hosted: Zoom's summary (« User Email » is the
// account the meeting belongs to), a « (Hôte) » or « (Co-hôte) » tag,
// Teams' organiser roles and summary line. A presenter is not a host.
func TestParseFindsTheHost(t *testing.T) {
	tests := []struct {
		file  string
		hosts []string
	}{
		{"zoom_participants.csv", []string{"Équipe d'animation"}},
		{"zoom_participants_fr.csv", []string{"Équipe d'animation"}},
		{"teams_attendance.csv", []string{"Équipe d'animation"}},
		{"meet_attendance.csv", nil},
		{"zoom_host_tag_fr.csv", []string{"Salle Atelier (Hôte)", "Gabrielle Ouellet (Co-hôte)"}},
		{"teams_team_fr.csv", []string{"Gabrielle Ouellet", "Salle Atelier"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var hosts []string
			for _, a := range parseFile(t, tt.file).Attendees {
				if a.Host {
					hosts = append(hosts, a.Name)
				}
			}
			if !slices.Equal(hosts, tt.hosts) {
				t.Errorf("hosts %q, want %q", hosts, tt.hosts)
			}
		})
	}
}

// The host and the cohort's team are left out of the people to place;
// someone of the roster keeps their mark even when they host.
func TestMatchRosterSetsTheTeamApart(t *testing.T) {
	_, start, _ := session(t)
	team := []string{"Nadia Roy-Lefebvre", "Gabrielle Ouellet"}
	tests := []struct {
		file               string
		team               []string
		matched            []int64
		teamOut, unmatched []string
	}{
		{"zoom_host_tag_fr.csv", team, []int64{1},
			[]string{"Salle Atelier (Hôte)", "Gabrielle Ouellet (Co-hôte)", "Nadia Roy-Lefebvre"}, []string{"Inconnu·e"}},
		// Without the cohort's team, a facilitator who does not host is
		// someone to place.
		{"zoom_host_tag_fr.csv", nil, []int64{1},
			[]string{"Salle Atelier (Hôte)", "Gabrielle Ouellet (Co-hôte)"}, []string{"Nadia Roy-Lefebvre", "Inconnu·e"}},
		// Nadia presents, then calls in as a guest under « Last, First ».
		{"teams_team_fr.csv", team, []int64{1},
			[]string{"Gabrielle Ouellet", "Salle Atelier", "Nadia Roy-Lefebvre", "Roy Lefebvre, Nadia (Invité)"}, []string{"Inconnu·e"}},
		{"zoom_participants.csv", team, []int64{1, 4, 5, 2, 3},
			[]string{"Équipe d'animation"}, []string{"Téléphone 514-555-0199"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := MatchRoster(parseFile(t, tt.file), roster, Options{SessionID: 1, Start: start, Team: tt.team})
			var matched []int64
			for _, m := range res.Matched {
				matched = append(matched, m.Participant.ID)
			}
			names := func(as []Attendee) []string {
				var out []string
				for _, a := range as {
					out = append(out, a.Name)
				}
				return out
			}
			if !slices.Equal(matched, tt.matched) {
				t.Errorf("matched %v, want %v", matched, tt.matched)
			}
			if got := names(res.Team); !slices.Equal(got, tt.teamOut) {
				t.Errorf("team %q, want %q", got, tt.teamOut)
			}
			if got := names(res.Unmatched); !slices.Equal(got, tt.unmatched) {
				t.Errorf("unmatched %q, want %q", got, tt.unmatched)
			}
		})
	}
	// Karim hosting stays Karim: the roster comes first.
	rep := parseFile(t, "zoom_host_tag_fr.csv")
	for i := range rep.Attendees {
		rep.Attendees[i].Host = true
	}
	res := MatchRoster(rep, roster, Options{Start: start})
	if len(res.Matched) != 1 || res.Matched[0].Participant.ID != 1 || len(res.Unmatched) != 0 || len(res.Team) != 4 {
		t.Errorf("all hosts: %d matched, %d team, %d unmatched", len(res.Matched), len(res.Team), len(res.Unmatched))
	}
}
