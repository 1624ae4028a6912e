package registration

import (
	"slices"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		header string
		want   Field
		french bool
	}{
		{"Nom", FieldName, true},
		{"NOM COMPLET", FieldName, true},
		{"Nom complet (obligatoire)", FieldName, true},
		{"Prénom et nom", FieldName, true},
		{"Quel est votre nom ?", FieldName, true},
		{"Name", FieldName, false},
		{"Full name *", FieldName, false},
		{"Prénom", FieldFirstName, true},
		{"PRENOM :", FieldFirstName, true},
		{"First name", FieldFirstName, false},
		{"Nom de famille", FieldLastName, true},
		{"Last Name", FieldLastName, false},
		{"Courriel", FieldEmail, true},
		{"Adresse courriel", FieldEmail, true},
		{"Adresse e-mail", FieldEmail, true},
		{"Adresse électronique", FieldEmail, true},
		{"Adresse electronique", FieldEmail, true},
		{"E-mail", FieldEmail, false},
		{"Email Address", FieldEmail, false},
		{"Votre adresse courriel pour la confirmation", FieldEmail, true},
		{"Pronoms", FieldPronouns, true},
		{"Pronouns (optional)", FieldPronouns, false},
		{"Organisation", FieldOrganisation, true},
		{"Groupe", FieldOrganisation, true},
		{"Groupe ou organisation", FieldOrganisation, true},
		{"Organization", FieldOrganisation, false},
		{"Nom de votre organisation", FieldOrganisation, true},
		{"Ville", FieldCity, true},
		{"Région", FieldCity, true},
		{"REGION", FieldCity, true},
		{"City", FieldCity, false},
		{"Téléphone", FieldPhone, true},
		{"Numéro de téléphone (cellulaire)", FieldPhone, true},
		{"Phone", FieldPhone, false},
		{"Besoins d'accessibilité", FieldAccessibility, true},
		{"Besoins d’accessibilité", FieldAccessibility, true},
		{"Avez-vous des besoins en matière d’accessibilité ?", FieldAccessibility, true},
		{"Accessibility", FieldAccessibility, false},
		{"J’accepte d’être contacté·e", FieldConsent, true},
		{"J'accepte d'être contactée par courriel", FieldConsent, true},
		{"Consentement", FieldConsent, true},
		{"Puis-je vous contacter après la formation ?", FieldConsent, true},
		{"I agree to be contacted", FieldConsent, false},
		{"Horodateur", FieldTimestamp, true},
		{"Horodatage", FieldTimestamp, true},
		{"Timestamp", FieldTimestamp, false},
		{"Date d’inscription", FieldTimestamp, true},
		{"Submitted At", FieldTimestamp, false},
		{"Pourquoi vous inscrivez-vous ?", FieldNote, true},
		{"Personne à contacter en cas d’urgence", FieldNote, true},
		{"Téléphone en cas d'urgence", FieldNote, true},
		{"How did you hear about us?", FieldNote, false},
		{"", FieldNote, false},
		{"=cmd|' /C calc'!A0", FieldNote, false},
	}
	for _, tt := range tests {
		f, fr := classify(tt.header)
		if f != tt.want || fr != tt.french {
			t.Errorf("classify(%q) = %s, french %v; want %s, %v", tt.header, f.Label(), fr, tt.want.Label(), tt.french)
		}
	}
}

func TestMapColumns(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []Field
	}{
		{"Prénom + Nom: Nom is the family name", "Prénom,Nom,Courriel\nA,B,a@example.org\n",
			[]Field{FieldFirstName, FieldLastName, FieldEmail}},
		{"First name + Name", "First name,Name\nA,B\n", []Field{FieldFirstName, FieldLastName}},
		{"Nom complet stays whole next to Prénom", "Prénom,Nom complet\nA,A B\n", []Field{FieldFirstName, FieldName}},
		{"second column of a field is a note", "Nom,Courriel,Courriel\nA,a@example.org,b@example.org\n",
			[]Field{FieldName, FieldEmail, FieldNote}},
		{"Microsoft Forms: the answered email wins over anonymous", "ID,Start time,Completion time,Email,Name,Full name,Email\n" +
			"1,11/4/26 18:30,11/4/26 18:31,anonymous,,Sam Roy,sam@example.org\n",
			[]Field{FieldNote, FieldNote, FieldTimestamp, FieldNote, FieldNote, FieldName, FieldEmail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(strings.NewReader(tt.csv), "x.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			var got []Field
			for _, c := range s.Columns {
				got = append(got, c.Field)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("fields %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConsents(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Oui", true}, {"oui", true}, {"OUI.", true}, {"Yes", true}, {"o", true}, {"Y", true}, {"x", true},
		{"X", true}, {"Vrai", true}, {"TRUE", true}, {"1", true}, {"✓", true},
		{"J’accepte d’être contacté·e", true}, {"J'accepte", true}, {"Oui, avec plaisir", true},
		{"I agree to be contacted", true},
		{"", false}, {"Non", false}, {"no", false}, {"FAUX", false}, {"false", false}, {"0", false},
		{"Je n’accepte pas", false}, {"Non merci", false}, {"Peut-être", false}, {"I do not agree", false},
	}
	for _, tt := range tests {
		if got := consents(tt.in); got != tt.want {
			t.Errorf("consents(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
