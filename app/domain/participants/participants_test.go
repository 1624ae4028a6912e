package participants

import (
	"strings"
	"testing"
)

func TestParticipantValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Participant
		want string
	}{
		{"ok", Participant{Name: "Hélène Œuvre 🌱", Email: "helene@exemple.qc.ca", Status: Inscrit}, ""},
		{"no email is fine", Participant{Name: "Awa", Status: Attente}, ""},
		{"no name", Participant{Name: " ", Status: Inscrit}, "nom est obligatoire"},
		{"bad email", Participant{Name: "A", Email: "pas un courriel", Status: Inscrit}, "courriel"},
		{"email with a display name", Participant{Name: "A", Email: "A <a@b.ca>", Status: Inscrit}, "courriel"},
		{"email without domain dot", Participant{Name: "A", Email: "a@localhost", Status: Inscrit}, "courriel"},
		{"unknown status", Participant{Name: "A", Status: "présent"}, "statut"},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestMarks(t *testing.T) {
	if !Present.Attended() || !Retard.Attended() || Absent.Attended() || Excuse.Attended() {
		t.Error("attended marks")
	}
	if err := (Attendance{Mark: "vu"}).Validate(); err == nil {
		t.Error("unknown mark accepted")
	}
	if err := (Attendance{Mark: Present, Minutes: -3}).Validate(); err == nil {
		t.Error("negative minutes accepted")
	}
	if !Confirme.HoldsSeat() || Attente.HoldsSeat() || Desiste.HoldsSeat() {
		t.Error("seats")
	}
}

func TestWritePersonalData(t *testing.T) {
	var b strings.Builder
	p := Participant{Name: "Hélène « Lili » Œuvre", Email: "h@exemple.ca", Status: Confirme}
	marks := []Attendance{{SessionID: 7, Mark: Retard, Minutes: 75, Note: "bus"}}
	if err := WritePersonalData(&b, p, marks, map[int64]string{7: "Séance 2"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"nom": "Hélène « Lili » Œuvre"`, `"statut": "confirmé·e"`, `"séance": "Séance 2"`, `"marque": "en retard"`, `"minutes_de_présence": 75`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s in\n%s", want, b.String())
		}
	}
}
