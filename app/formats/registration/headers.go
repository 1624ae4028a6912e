package registration

import (
	"strings"
	"unicode"

	"atelier/app/kit/fold"
)

// variant is a header as forms and spreadsheets write it, folded with
// fold.Key, and whether it is French (French headers make an ambiguous
// date like 04/11/2026 read day first).
type variant struct {
	field  Field
	french bool
}

// variants are the headers recognised as a whole.
var variants = map[string]variant{}

func init() {
	add := func(f Field, french bool, hs ...string) {
		for _, h := range hs {
			variants[headerKey(h)] = variant{f, french}
		}
	}
	add(FieldName, true, "Nom", "Nom complet", "Votre nom", "Votre nom complet", "Nom et prénom",
		"Prénom et nom", "Nom, prénom", "Prénom, nom", "Nom prénom", "Prénom nom", "Nom de la personne")
	add(FieldName, false, "Name", "Full name", "Your name", "Your full name", "Fullname", "Participant name")
	add(FieldFirstName, true, "Prénom", "Votre prénom", "Prénom usuel", "Prénom choisi")
	add(FieldFirstName, false, "First name", "Firstname", "Given name", "Your first name")
	add(FieldLastName, true, "Nom de famille", "Votre nom de famille")
	add(FieldLastName, false, "Last name", "Lastname", "Surname", "Family name", "Your last name")
	add(FieldEmail, true, "Courriel", "Adresse courriel", "Adresse de courriel", "Adresse e-mail",
		"Adresse email", "Adresse mail", "Adresse électronique", "Votre courriel", "Votre adresse courriel",
		"Courriel de la personne", "Mél")
	add(FieldEmail, false, "E-mail", "Email", "Mail", "Email address", "E-mail address", "Your email")
	add(FieldPronouns, true, "Pronoms", "Pronom", "Vos pronoms", "Pronoms utilisés")
	add(FieldPronouns, false, "Pronouns", "Your pronouns")
	add(FieldOrganisation, true, "Organisation", "Groupe", "Groupe ou organisation", "Organisation ou groupe",
		"Groupe/organisation", "Organisme", "Organisme ou groupe", "Collectif", "Groupe militant")
	add(FieldOrganisation, false, "Organization", "Group", "Affiliation", "Company")
	add(FieldCity, true, "Ville", "Région", "Ville ou région", "Ville/région", "Municipalité", "Localité")
	add(FieldCity, false, "City", "Town", "City/town", "Location")
	add(FieldPhone, true, "Téléphone", "Numéro de téléphone", "Tél", "Tél.", "Cellulaire")
	add(FieldPhone, false, "Phone", "Phone number", "Mobile", "Cell")
	add(FieldAccessibility, true, "Besoins d'accessibilité", "Accessibilité", "Besoins particuliers")
	add(FieldAccessibility, false, "Accessibility", "Accessibility needs", "Access needs")
	add(FieldConsent, true, "Consentement", "J'accepte d'être contacté·e", "J'accepte d'être contacté(e)",
		"J'accepte d'être contacté.e")
	add(FieldConsent, false, "Consent", "I agree to be contacted")
	add(FieldTimestamp, true, "Horodateur", "Horodatage", "Date d'inscription", "Date et heure",
		"Date de soumission", "Date de réponse")
	add(FieldTimestamp, false, "Timestamp", "Submitted at", "Submission date", "Date submitted",
		"Completion time", "Submitted", "Date")
}

// rule maps a header containing some words or stems to a field, for the
// many ways a form can phrase its questions (« Quel est votre courriel ? »).
// Rules are tried in order; the first that matches wins.
type rule struct {
	field  Field
	french bool
	stems  []string // substrings of the folded header
	words  []string // whole words of the folded header
}

var rules = []rule{
	// An emergency contact is someone else's name and phone: keep it as a note.
	{FieldNote, true, []string{"urgence"}, nil},
	{FieldNote, false, []string{"emergency"}, nil},
	{FieldConsent, true, []string{"consent"}, []string{"accepte", "j'accepte", "acceptez"}},
	{FieldConsent, false, []string{"consent"}, []string{"agree", "accept"}},
	{FieldTimestamp, true, []string{"horodat", "date d'inscription", "date de soumission"}, nil},
	{FieldTimestamp, false, []string{"timestamp", "submitted at", "submission date", "date submitted"}, nil},
	{FieldEmail, true, []string{"courriel", "adresse electronique"}, nil},
	{FieldEmail, false, []string{"e-mail", "email"}, []string{"mail"}},
	{FieldConsent, true, nil, []string{"contacter", "contacte"}},
	{FieldConsent, false, nil, []string{"contacted"}},
	{FieldAccessibility, true, []string{"accessibilite"}, nil},
	{FieldAccessibility, false, []string{"accessib"}, nil},
	{FieldPronouns, true, []string{"pronom"}, nil},
	{FieldPronouns, false, []string{"pronoun"}, nil},
	{FieldPhone, true, []string{"telephone", "cellulaire"}, []string{"tel"}},
	{FieldPhone, false, []string{"phone"}, []string{"mobile", "cell"}},
	{FieldOrganisation, true, []string{"organisme", "organisation"}, []string{"groupe", "collectif"}},
	{FieldOrganisation, false, []string{"organization"}, []string{"group", "affiliation", "company"}},
	{FieldCity, true, nil, []string{"ville", "region", "municipalite"}},
	{FieldCity, false, nil, []string{"city", "town"}},
	{FieldLastName, true, []string{"nom de famille"}, nil},
	{FieldLastName, false, []string{"last name", "family name", "surname", "lastname"}, nil},
}

// classify maps one header to a field. It also says whether the header
// is French, as far as it can tell.
func classify(header string) (Field, bool) {
	k := headerKey(header)
	if v, ok := variants[k]; ok {
		return v.field, v.french
	}
	ws := words(k)
	has := func(w string) bool {
		for _, x := range ws {
			if x == w {
				return true
			}
		}
		return false
	}
	for _, r := range rules {
		for _, st := range r.stems {
			if strings.Contains(k, st) {
				return r.field, r.french
			}
		}
		for _, w := range r.words {
			if has(w) {
				return r.field, r.french
			}
		}
	}
	switch {
	case has("prenom") && has("nom"), has("first") && has("last"):
		return FieldName, has("prenom")
	case has("prenom"):
		return FieldFirstName, true
	case strings.Contains(k, "first name"), strings.Contains(k, "given name"):
		return FieldFirstName, false
	case has("nom"):
		return FieldName, true
	case has("name"):
		return FieldName, false
	}
	return FieldNote, frenchWords(ws)
}

// headerKey folds a header and drops what forms add around the question:
// a required mark, a trailing colon or question mark.
func headerKey(h string) string {
	k := fold.Key(h)
	for {
		old := k
		k = strings.TrimSpace(strings.TrimRight(k, ":*?. "))
		k = strings.TrimLeft(k, "* ")
		for _, suf := range []string{"(obligatoire)", "(requis)", "(facultatif)", "(optionnel)", "(required)", "(optional)"} {
			k = strings.TrimSuffix(k, suf)
		}
		if k == old {
			return k
		}
	}
}

// words splits a folded header into words; an apostrophe is kept with
// the word it ends (« j' », « d' ») as well as split off, so that both
// « j'accepte » and « accepte » are words of « J’accepte ».
func words(k string) []string {
	fs := strings.FieldsFunc(k, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	})
	out := fs[:len(fs):len(fs)]
	for _, f := range fs {
		if i := strings.LastIndexByte(f, '\''); i >= 0 && i < len(f)-1 {
			out = append(out, f[i+1:])
		}
	}
	return out
}

// frenchWords reports whether a header that maps to no field is still
// plainly French (« Pourquoi vous inscrivez-vous ? »).
func frenchWords(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "pourquoi", "vous", "votre", "vos", "avez", "etes", "quel", "quelle", "quels", "comment", "des", "les", "une", "est-ce":
			return true
		}
	}
	return false
}

// mapColumns maps every column by its header. Each field goes to one
// column, the one with the most answers (Microsoft Forms puts its own
// « Email » column, often « anonymous », before the form's question);
// the others are kept as notes. A « Nom » next to a « Prénom » is the
// family name, as French forms mean it.
func (s *Sheet) mapColumns() {
	s.french = false
	best := map[Field]int{}
	answers := map[int]int{}
	count := func(col int) int {
		if n, ok := answers[col]; ok {
			return n
		}
		answers[col] = s.answers(col)
		return answers[col]
	}
	for i := range s.Columns {
		f, fr := classify(s.Columns[i].Header)
		s.french = s.french || fr
		s.Columns[i].Field = f
		if f == FieldNote {
			continue
		}
		if j, ok := best[f]; !ok || count(i) > count(j) {
			best[f] = i
		}
	}
	for i := range s.Columns {
		if f := s.Columns[i].Field; f != FieldNote && best[f] != i {
			s.Columns[i].Field = FieldNote
		}
	}
	_, first := best[FieldFirstName]
	_, last := best[FieldLastName]
	if i, ok := best[FieldName]; ok && first && !last {
		switch headerKey(s.Columns[i].Header) {
		case "nom", "name", "votre nom", "your name":
			s.Columns[i].Field = FieldLastName
		}
	}
}

// answers counts the real answers in a column.
func (s *Sheet) answers(col int) int {
	n := 0
	for _, r := range s.Rows {
		if col < len(r.Values) && r.Values[col] != "" {
			switch fold.Key(r.Values[col]) {
			case "anonymous", "anonyme":
			default:
				n++
			}
		}
	}
	return n
}

// hasName reports whether some column gives the name.
func (s *Sheet) hasName() bool {
	for _, c := range s.Columns {
		switch c.Field {
		case FieldName, FieldFirstName, FieldLastName:
			return true
		}
	}
	return false
}
