package i18n

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// unknown stands, in a string put together from pieces, for a piece the
// scan cannot know (a variable, a call): what is next to it is not judged.
const unknown = "\x00"

// slipRule is one way a French text can go against docs/french.md.
type slipRule struct {
	name string
	re   *regexp.Regexp
}

// slipRules are the rules every French text the person sees must keep:
// one typography, one inclusive system, one vocabulary. The words of
// others quoted in « » (a tool's menu, a title) are left out of the word
// rules by frenchSlips.
var slipRules = []slipRule{
	{"espace insécable (U+00A0) après « « »", regexp.MustCompile(`«(?:[^\x{a0}\x00]|$)`)},
	{"espace insécable (U+00A0) avant « » »", regexp.MustCompile(`[^\x{a0}\x00]»|^»`)},
	{"apostrophe typographique ’", regexp.MustCompile(`\pL'|'\pL`)},
	{"points de suspension « … »", regexp.MustCompile(`\.\.\.`)},
	{"point médian, deux fois au pluriel (·e·s, pas ·es)", regexp.MustCompile(`·es(?:\PL|$)`)},
	{"point médian (pas de parenthèses, de barre oblique ni de point)",
		regexp.MustCompile(`\pL(?:\((?:e|es|s|x|ne)\)|/(?:e|es)(?:\PL|$)|\.(?:e|es)(?:\.s)?(?:\PL|$))`)},
	{"espace insécable (U+00A0) entre un nombre et son unité",
		regexp.MustCompile(`(?:\d|\}\}|%d) (?:min|h|ko|Ko|Mo|%%|%(?:[^a-zA-Z%]|$))(?:\PL|$)|\d h \d`)},
	{"espace insécable (U+00A0) après « n° »", regexp.MustCompile(`n°(?:[^\x{a0}\x00]|$)`)},
	{"espace insécable (U+00A0) entre les milliers", regexp.MustCompile(`\d \d{3}(?:\D|$)`)},
}

// wordRules are checked on the text outside « », whole words, any case.
var wordRules = []slipRule{
	{"écriture inclusive (pas le masculin seul)", regexp.MustCompile(
		`(?i)(?:^|[^\pL·.-])(?:participants|inscrits|auteurs?|animateurs?|organisateurs?|utilisateurs?|présents|absents|excusés|confirmés|désistés|retirés)(?:[^\pL·]|$)`)},
	{"courriel (pas e-mail)", regexp.MustCompile(`(?i)(?:^|[^\pL.@-])(?:e-?mail|mail)s?(?:[^\pL]|$)`)},
	{"séance (pas session)", regexp.MustCompile(`(?i)(?:^|[^\pL.-])sessions?(?:[^\pL]|$)`)},
	{"attestation de participation (pas certificat)", regexp.MustCompile(`(?i)certificats?(?:[^\pL]|$)`)},
	{"clavardage (pas chat)", regexp.MustCompile(`(?i)(?:^|[^\pL])chat(?:[^\pL]|$)`)},
	{"feuille d’émargement", regexp.MustCompile(`(?i)feuilles? de présences?`)},
	{"redevabilités", regexp.MustCompile(`(?i)responsabilités`)},
	{"lien double", regexp.MustCompile(`(?i)lien bidirectionnel`)},
	{"animation (pas facilitation)", regexp.MustCompile(`(?i)facilitat`)},
	{"diapo, comme le cours (pas diapositive)", regexp.MustCompile(`(?i)diapositives?`)},
}

var quoted = regexp.MustCompile(`«[^»]*»`)

// spaceSlip is the first « ; ? ! : » of s not preceded by the space
// docs/french.md asks for, with what stands before it. A piece the scan
// cannot see, or a « %s », may hold that space: what follows one is let
// through. So are values: « 2;4 », 19:30, https://, ?q=, « != ».
func spaceSlip(s string) (rule, at string) {
	rs := []rune(s)
	for i, r := range rs {
		if !strings.ContainsRune(";?!:", r) {
			continue
		}
		// A text that starts with the mark leaves its space to another
		// piece, out of sight: it is a slip too.
		prev, next := rune(-1), rune(-1)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if string(prev) == unknown || prev == 's' && i >= 2 && rs[i-2] == '%' {
			continue
		}
		want := '\u202f'
		switch r {
		case ';':
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				continue
			}
		case '?', '!':
			if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '=' {
				continue
			}
		case ':':
			if next != -1 && next != ' ' && next != '\u00a0' && next != '\u202f' && next != '\n' {
				continue
			}
			want = '\u00a0'
		}
		if prev != want {
			name := "espace fine insécable (U+202F) avant « ; ? ! »"
			if r == ':' {
				name = "espace insécable (U+00A0) avant « : »"
			}
			return name, string(rs[max(0, i-12) : i+1])
		}
	}
	return "", ""
}

// frenchSlips lists what s does against docs/french.md, one line each.
func frenchSlips(s string) []string {
	var slips []string
	if rule, at := spaceSlip(s); rule != "" {
		slips = append(slips, rule+" : "+strings.ReplaceAll(at, unknown, "…"))
	}
	for _, r := range slipRules {
		if m := r.re.FindString(s); m != "" {
			slips = append(slips, r.name+" : "+strings.ReplaceAll(m, unknown, "…"))
		}
	}
	own := quoted.ReplaceAllString(s, "«»")
	for _, r := range wordRules {
		if m := r.re.FindString(own); m != "" {
			slips = append(slips, r.name+" : "+strings.ReplaceAll(m, unknown, "…"))
		}
	}
	return slips
}

// Each rule refuses what it is there for, and lets the right form through.
func TestFrenchSlips(t *testing.T) {
	bad := []struct{ rule, text string }{
		{"U+202F", "Restaurer ?"},
		{"U+202F", "Restaurer?"},
		{"U+202F", "Restaurer\u00a0?"},
		{"U+202F", "Merci !"},
		{"U+202F", "introuvable ; elle"},
		{"U+202F", "introuvable; elle"},
		{"U+202F", "introuvable\u00a0; elle"},
		{"U+202F", "Séance %d; la suite"},
		{"U+202F", "; et " + unknown},
		{"U+00A0) avant « : »", ": " + unknown},
		{"U+00A0) avant « : »", "Sauvegarde écrite : %s"},
		{"U+00A0) avant « : »", "Séance\u202f: 2"},
		{"U+00A0) avant « : »", "Séance: 2"},
		{"U+00A0) avant « : »", "Séance %d: 2"},
		{"U+00A0) avant « : »", "Commandes :\n"},
		{"U+00A0) avant « : »", "dans ce dossier :"},
		{"après « « »", "le fichier « x\u00a0»"},
		{"après « « »", "le fichier «x\u00a0»"},
		{"avant « » »", "le fichier «\u00a0x »"},
		{"avant « » »", "le fichier «\u00a0x\u202f»"},
		{"apostrophe", "l'équipe"},
		{"apostrophe", "Rapport d'un autre jour"},
		{"suspension", "Exporter..."},
		{"·e·s", "inscrit·es"},
		{"parenthèses", "personne(s)"},
		{"parenthèses", "inscrit(e)"},
		{"parenthèses", "inscrit/e"},
		{"parenthèses", "présent.e"},
		{"parenthèses", "militant.e.s"},
		{"unité", "149 min"},
		{"unité", "+{{.N}} min"},
		{"unité", "85 %"},
		{"unité", "%d %%"},
		{"unité", "({{.Size}} Ko)"},
		{"unité", "20 h 30"},
		{"milliers", "10 000 lignes"},
		{"n°", "La séance n° %d"},
		{"masculin", "Participants › fiche"},
		{"masculin", "la liste des participants"},
		{"masculin", "Inscrits"},
		{"masculin", "Source · auteur · séances"},
		{"masculin", "les animateurs"},
		{"courriel", "Adresse e-mail"},
		{"courriel", "votre email"},
		{"séance", "la session 3"},
		{"attestation", "les certificats"},
		{"clavardage", "Copier pour le chat"},
		{"émargement", "Feuille de présence"},
		{"redevabilités", "Responsabilités"},
		{"lien double", "Lien bidirectionnel"},
		{"animation", "l’équipe de facilitation"},
		{"diapo", "Diapositive"},
	}
	for _, tt := range bad {
		slips := frenchSlips(tt.text)
		if !strings.Contains(strings.Join(slips, "\n"), tt.rule) {
			t.Errorf("%q: want a slip about %q, got %q", tt.text, tt.rule, slips)
		}
	}
	good := []string{
		"Restaurer\u202f?", "Merci\u202f!", "introuvable\u202f; elle", "Séance\u00a0: 2",
		"Commandes\u00a0:\n", "le fichier «\u00a0x\u00a0»", "L’heure fixe s’écrit 19:30 ou 19\u00a0h\u00a030",
		"https://example.org/?q=1", "par exemple «\u00a02;4\u00a0»", "l’équipe", "Exporter…",
		"inscrit·e·s", "présent·e", "auteur·e", "Auteur·e·s", "travailleur·euse·s", "149\u00a0min",
		"85\u00a0%", "10\u00a0000", "n°\u00a0%d", "Participant·e·s › fiche", "les personnes participantes",
		"--email COURRIEL", "--session N", "{{.Session}}", "Courriel", "clavardage",
		"Feuille d’émargement", "Redevabilités", "Lien double", "l’équipe d’animation", "Notes de la diapo", "Diaporama",
		"sans cocher «\u00a0Afficher les utilisateurs uniques\u00a0»",
		// A piece the scan cannot see may hold the space.
		"Document «" + unknown, unknown + "»", unknown + "; et", "«\u00a0x\u00a0»\u202f?", "Ligne %d%s: des caractères", "%s; le reste",
		"atelier participant export --email COURRIEL", "atelier.db", "FICHIER.pdf", "Ctrl+Z, Ctrl+Y", "2027-01-13 18:30",
	}
	for _, s := range good {
		if slips := frenchSlips(s); len(slips) > 0 {
			t.Errorf("%q: want no slip, got %q", s, slips)
		}
	}
}
