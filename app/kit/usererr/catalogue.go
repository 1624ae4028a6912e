package usererr

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"atelier/app/kit/textfmt"
)

// catalogues maps each language other than French to its formats, keyed
// by the French format. The interface language loads them (app/i18n);
// until then every message stays French.
var catalogues sync.Map // textfmt.Lang → map[string]string

// SetCatalogue gives the formats of language l: a JSON object whose keys
// are the French formats and whose values are l's, with the same verbs in
// the same order (or explicit indexes, %[2]s).
func SetCatalogue(l textfmt.Lang, data []byte) error {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("catalogue of messages for %q: %w", l, err)
	}
	catalogues.Store(l, m)
	return nil
}

// translate is l's format for the French format, or format itself.
func translate(l textfmt.Lang, format string) string {
	if l != textfmt.English {
		return format
	}
	m, ok := catalogues.Load(l)
	if !ok {
		return format
	}
	if t, ok := m.(map[string]string)[format]; ok {
		return t
	}
	return format
}

// Localized is an argument whose writing depends on the language: a
// number, a date, a phrase, the sentence of another error.
type Localized interface {
	In(textfmt.Lang) string
}

// localize writes each argument the way l does: a Localized in l, an
// error written for a person as its sentence in l; the others unchanged.
func localize(l textfmt.Lang, args []any) []any {
	out := args
	for i, a := range args {
		var s string
		switch a := a.(type) {
		case Localized:
			s = a.In(l)
		case error:
			if !ForPerson(a) {
				continue
			}
			s = MessageIn(l, a)
		default:
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = s
	}
	return out
}

// Text is an argument written by a function of the language.
type Text func(textfmt.Lang) string

// In calls t.
func (t Text) In(l textfmt.Lang) string { return t(l) }

// String is t in French, for fmt and the log.
func (t Text) String() string { return t(textfmt.French) }

// Int is n with its thousands grouped the language's way (« 10 000 »,
// "10,000"), for a %s.
func Int(n int) Localized { return Text(func(l textfmt.Lang) string { return l.Int(n) }) }

// Date is t as « 4 novembre 2026 » or "November 4, 2026", for a %s.
func Date(t time.Time) Localized { return Text(func(l textfmt.Lang) string { return l.Date(t) }) }

// Clock is t as « 18 h 30 » or "18:30", for a %s.
func Clock(t time.Time) Localized { return Text(func(l textfmt.Lang) string { return l.Clock(t) }) }

// Minutes is m minutes as « 1 h 30 » or "1 hr 30 min", for a %s.
func Minutes(m int) Localized { return Text(func(l textfmt.Lang) string { return l.Minutes(m) }) }

// Phrase is a French phrase completing a sentence (« la personne »), which
// the catalogue translates as a whole like a format without verbs.
type Phrase string

// In is the phrase in language l.
func (p Phrase) In(l textfmt.Lang) string { return translate(l, string(p)) }

// Reason is err's sentence (Message) in the language, for a %s: a
// message built on the one of a deeper failure.
func Reason(err error) Localized {
	return Text(func(l textfmt.Lang) string { return MessageIn(l, err) })
}

// Clauses is reasons as the clauses of one sentence, the way the language
// joins them after « Ligne 7 : »: each without its capital and its full
// stop, then « ; » (French spacing in French).
func Clauses(reasons ...Localized) Localized {
	return Text(func(l textfmt.Lang) string {
		sep := "\u202f; "
		if l == textfmt.English {
			sep = "; "
		}
		parts := make([]string, 0, len(reasons))
		for _, r := range reasons {
			if c := clause(r.In(l)); c != "" {
				parts = append(parts, c)
			}
		}
		return strings.Join(parts, sep)
	})
}

// clause turns a sentence into a clause that can follow « ligne 7 : ».
func clause(m string) string {
	m = strings.TrimSuffix(strings.TrimSpace(m), ".")
	if m == "" {
		return m
	}
	first := []rune(m)[0]
	return strings.ToLower(string(first)) + m[len(string(first)):]
}

// Quoted is items each in the language's quotation marks, joined the way
// it lists them: « « a », « b » et « c » », "“a”, “b” and “c”".
func Quoted(items []string) Localized {
	return Text(func(l textfmt.Lang) string {
		q := make([]string, len(items))
		for i, s := range items {
			q[i] = l.Quote(s)
		}
		return l.List(q)
	})
}

// Quote is s in the language's quotation marks: « s », “s”.
func Quote(s string) Localized { return Text(func(l textfmt.Lang) string { return l.Quote(s) }) }

// Plural is the phrase one or many, each a format of the catalogue taking
// n (grouped the language's way) as its %s, chosen by the plural rule of
// the language it is written in: « 0 place » but "0 seats".
func Plural(n int, one, many string) Localized {
	return Text(func(l textfmt.Lang) string {
		format := many
		if l.Singular(n) {
			format = one
		}
		format = translate(l, format)
		if !strings.Contains(format, "%") {
			return format
		}
		return fmt.Sprintf(format, l.Int(n))
	})
}

// Of is a name after « de », elided in French (« d’Hélène »), "of Hélène"
// in English.
func Of(name string) Localized { return Text(func(l textfmt.Lang) string { return l.Of(name) }) }

// Join is items listed the language's way: « A, B et C », "A, B and C".
func Join(items []string) Localized {
	return Text(func(l textfmt.Lang) string { return l.List(items) })
}
