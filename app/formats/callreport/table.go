package callreport

import (
	"strings"

	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// headerScan is how far down Parse looks for the first header: Zoom puts a
// summary block above it, Teams a summary section of about ten lines.
const headerScan = 40

// role is what a column holds.
type role int

const (
	rName role = iota
	rFirst
	rLast
	rEmail
	rUPN
	rJoin
	rLeave
	rDur
	rWaiting
	rAction
	rTime
	rRole  // Teams' Organizer, Presenter, Attendee; a host in some Zoom exports
	rHost  // a Yes/No column saying who hosted
	rOther // known to the tools but not used here: Guest, Recording Consent…
	nRoles
)

// Header words carry a language so that a file with French headers reads its
// dates day first.
const (
	neutral = iota
	en
	fr
)

// word is one known column name.
type word struct {
	role role
	lang int
	tool string // the tool that writes it, when only one does
	agg  bool   // a first join or last leave: one row per person, not per connection
}

// words are the column names of the three tools in English and French,
// folded (lower case, no accents, typewriter apostrophe).
var words = map[string]word{
	"name (original name)":     {rName, en, Zoom, false},
	"name":                     {rName, en, "", false},
	"full name":                {rName, en, Teams, false},
	"participant name":         {rName, en, "", false},
	"display name":             {rName, en, "", false},
	"user name":                {rName, en, "", false},
	"first name":               {rFirst, en, Meet, false},
	"given name":               {rFirst, en, "", false},
	"last name":                {rLast, en, Meet, false},
	"surname":                  {rLast, en, "", false},
	"family name":              {rLast, en, "", false},
	"email":                    {rEmail, en, "", false},
	"email address":            {rEmail, en, "", false},
	"e-mail address":           {rEmail, en, "", false},
	"user email":               {rEmail, en, Zoom, false},
	"participant id (upn)":     {rUPN, en, Teams, false},
	"upn":                      {rUPN, neutral, Teams, false},
	"join time":                {rJoin, en, "", false},
	"first join":               {rJoin, en, Teams, true},
	"first join time":          {rJoin, en, Teams, true},
	"time joined":              {rJoin, en, Meet, true},
	"leave time":               {rLeave, en, "", false},
	"last leave":               {rLeave, en, Teams, true},
	"last leave time":          {rLeave, en, Teams, true},
	"time exited":              {rLeave, en, Meet, true},
	"time left":                {rLeave, en, "", false},
	"duration (minutes)":       {rDur, en, Zoom, false},
	"duration (mins)":          {rDur, en, "", false},
	"total duration (minutes)": {rDur, en, Zoom, false},
	"duration":                 {rDur, en, "", false},
	"in-meeting duration":      {rDur, en, Teams, false},
	"attendance duration":      {rDur, en, "", false},
	"guest":                    {rOther, en, Zoom, false},
	"recording consent":        {rOther, en, Zoom, false},
	"in waiting room":          {rWaiting, en, Zoom, false},
	"role":                     {rRole, neutral, Teams, false},
	"host":                     {rHost, en, Zoom, false},
	"is host":                  {rHost, en, Zoom, false},
	"user action":              {rAction, en, Teams, false},
	"action":                   {rAction, neutral, Teams, false},
	"timestamp":                {rTime, en, Teams, false},

	"nom (nom d'origine)":                  {rName, fr, Zoom, false},
	"nom (nom original)":                   {rName, fr, Zoom, false},
	"nom complet":                          {rName, fr, Teams, false},
	"nom":                                  {rName, fr, "", false},
	"nom du participant":                   {rName, fr, "", false},
	"nom d'affichage":                      {rName, fr, "", false},
	"prenom":                               {rFirst, fr, Meet, false},
	"nom de famille":                       {rLast, fr, Meet, false},
	"e-mail":                               {rEmail, neutral, "", false},
	"e-mail de l'utilisateur":              {rEmail, fr, Zoom, false},
	"adresse e-mail de l'utilisateur":      {rEmail, fr, Zoom, false},
	"courriel de l'utilisateur":            {rEmail, fr, Zoom, false},
	"adresse e-mail":                       {rEmail, fr, "", false},
	"adresse courriel":                     {rEmail, fr, "", false},
	"courriel":                             {rEmail, fr, "", false},
	"adresse electronique":                 {rEmail, fr, "", false},
	"id du participant (upn)":              {rUPN, fr, Teams, false},
	"id de participant (upn)":              {rUPN, fr, Teams, false},
	"heure d'arrivee":                      {rJoin, fr, "", false},
	"heure de participation":               {rJoin, fr, Teams, false},
	"heure de jointure":                    {rJoin, fr, Teams, false},
	"heure de connexion":                   {rJoin, fr, "", false},
	"heure d'entree":                       {rJoin, fr, "", false},
	"premiere participation":               {rJoin, fr, Teams, true},
	"premiere arrivee":                     {rJoin, fr, "", true},
	"heure de depart":                      {rLeave, fr, "", false},
	"heure de sortie":                      {rLeave, fr, "", false},
	"heure de deconnexion":                 {rLeave, fr, "", false},
	"dernier depart":                       {rLeave, fr, Teams, true},
	"duree (minutes)":                      {rDur, fr, Zoom, false},
	"duree totale (minutes)":               {rDur, fr, Zoom, false},
	"duree":                                {rDur, fr, "", false},
	"duree dans la reunion":                {rDur, fr, Teams, false},
	"duree de participation":               {rDur, fr, "", false},
	"invite":                               {rOther, fr, Zoom, false},
	"hote":                                 {rHost, fr, Zoom, false},
	"consentement a l'enregistrement":      {rOther, fr, Zoom, false},
	"dans la salle d'attente":              {rWaiting, fr, Zoom, false},
	"en salle d'attente":                   {rWaiting, fr, Zoom, false},
	"action de l'utilisateur":              {rAction, fr, Teams, false},
	"activite":                             {rAction, fr, Teams, false},
	"horodatage":                           {rTime, fr, Teams, false},
	"id de participant (nom d'usager)":     {rUPN, fr, Teams, false},
	"adresse e-mail du participant":        {rEmail, fr, "", false},
	"adresse courriel de l'utilisateur":    {rEmail, fr, Zoom, false},
	"adresse de courriel de l'utilisateur": {rEmail, fr, Zoom, false},
}

// summaryWords mark the lines above the header that tell the tool apart.
var summaryWords = map[string]string{
	"meeting id":            Zoom,
	"id de reunion":         Zoom,
	"id de la reunion":      Zoom,
	"topic":                 Zoom,
	"sujet":                 Zoom,
	"1. summary":            Teams,
	"1. resume":             Teams,
	"meeting title":         Teams,
	"titre de la reunion":   Teams,
	"attended participants": Teams,
	"participants presents": Teams,
	"meeting summary":       Teams,
	"resume de la reunion":  Teams,
}

// header is a recognised header row.
type header struct {
	col    [nRoles]int // index of each role's column, -1 when absent
	width  int
	known  int // columns recognised
	agg    bool
	fr, en int
	hints  map[string]int
}

// headerKind says what a candidate header row is good for.
type headerKind int

const (
	notHeader headerKind = iota
	noTimes              // names and durations but no times: Zoom's « unique users »
	usable
)

// parseHeader recognises a header row.
func parseHeader(fields []string) (header, headerKind) {
	h := header{width: len(fields)}
	for i := range h.col {
		h.col[i] = -1
	}
	for i, f := range fields {
		k := fold.Key(strings.Trim(f, "\"' \ufeff\u200b"))
		w, ok := words[k]
		if !ok {
			continue
		}
		h.known++
		if h.col[w.role] < 0 {
			h.col[w.role] = i
		}
		h.agg = h.agg || w.agg
		switch w.lang {
		case en:
			h.en++
		case fr:
			h.fr++
		}
		if w.tool != "" {
			if h.hints == nil {
				h.hints = map[string]int{}
			}
			h.hints[w.tool]++
		}
	}
	// Meet in French writes « Prénom » and « Nom »: the second is then the
	// family name.
	if h.col[rFirst] >= 0 && h.col[rLast] < 0 && h.col[rName] >= 0 &&
		fold.Key(fields[h.col[rName]]) == "nom" {
		h.col[rLast], h.col[rName] = h.col[rName], -1
	}
	named := h.col[rName] >= 0 || h.col[rFirst] >= 0 || h.col[rLast] >= 0
	timed := h.col[rJoin] >= 0 || (h.col[rAction] >= 0 && h.col[rTime] >= 0)
	switch {
	case h.known < 3 || !named:
		return h, notHeader
	case timed:
		return h, usable
	case h.col[rDur] >= 0:
		return h, noTimes
	}
	return h, notHeader
}

// row is one data row as text, before its times are read.
type row struct {
	line                              int
	agg                               bool
	host                              bool // the row's role or tag says host or organiser
	name, email                       string
	join, leave, dur, action, stamped string
}

// tables is what readTables found: the data rows of every participant table
// in the file, and the rows it could not take.
type tables struct {
	rows     []row
	problems []Problem
	french   bool
	scores   map[string]int
	host     host // who the summary above the table says hosted
}

// readTables finds the header, its delimiter, and reads the rows below it.
// Teams files hold several sections; a later header starts a new table, a
// numbered section title ends the current one.
func readTables(lines []string) (*tables, error) {
	start, delim, h, kind := -1, byte(0), header{}, notHeader
	for i := 0; i < len(lines) && i < headerScan && start < 0; i++ {
		for _, d := range []byte{'\t', ';', ','} {
			if strings.IndexByte(lines[i], d) < 0 {
				continue
			}
			c, k := parseHeader(splitFields(lines[i], d))
			if k > kind || (k == kind && k != notHeader && c.known > h.known) {
				h, kind, delim = c, k, d
			}
		}
		if kind == usable {
			start = i
		}
	}
	switch kind {
	case notHeader:
		return nil, usererr.New(msgNotReport)
	case noTimes:
		return nil, usererr.New(msgNoTimes)
	}

	tb := &tables{scores: map[string]int{}, host: summaryHost(lines[:start], delim)}
	for _, l := range lines[:start] {
		f := splitFields(l, delim)
		if t, ok := summaryWords[fold.Key(f[0])]; ok {
			tb.scores[t] += 2
		}
	}
	var fr, en int
	addHeader := func(h header) {
		fr, en = fr+h.fr, en+h.en
		for t, n := range h.hints {
			tb.scores[t] += n
		}
	}
	addHeader(h)
	in := true
	for i := start + 1; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := splitFields(line, delim)
		// Header cells hold no digits; skipping rows with some saves
		// folding every cell of every row.
		if !strings.ContainsAny(line, "0123456789") {
			if nh, k := parseHeader(f); k == usable {
				h, in = nh, true
				addHeader(h)
				continue
			}
		}
		filled := 0
		for _, c := range f {
			if c != "" {
				filled++
			}
		}
		switch {
		case filled == 0:
			continue
		case filled == 1 && isSectionTitle(f):
			in = false
			continue
		case !in:
			continue
		}
		r, p := h.row(f, i+1)
		if p != nil {
			tb.problems = append(tb.problems, *p)
		} else if r != nil {
			tb.rows = append(tb.rows, *r)
		}
	}
	tb.french = fr > en
	return tb, nil
}

// sectionTitles are the unnumbered section titles of some Teams versions.
var sectionTitles = map[string]bool{
	"summary": true, "participants": true, "in-meeting activities": true,
	"resume": true, "activites pendant la reunion": true, "activites dans la reunion": true,
}

// isSectionTitle recognises Teams' « 3. In-Meeting Activities » in a row
// with a single filled cell.
func isSectionTitle(f []string) bool {
	s := ""
	for _, c := range f {
		if c != "" {
			s = c
			break
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 3 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return true
	}
	return sectionTitles[fold.Key(s)]
}

// row reads one data row. It returns nil and no problem for rows to leave
// out silently (Zoom's waiting room).
func (h *header) row(f []string, line int) (*row, *Problem) {
	get := func(r role) string {
		i := h.col[r]
		if i < 0 || i >= len(f) {
			return ""
		}
		return strings.TrimSpace(f[i])
	}
	need := max(h.col[rJoin], h.col[rTime], h.col[rAction])
	if len(f) <= need {
		return nil, &Problem{line, usererr.New("La ligne compte %s au lieu de %s.", usererr.Plural(len(f), "%s colonne", "%s colonnes"), usererr.Int(h.width))}
	}
	if yes(get(rWaiting)) {
		return nil, nil
	}
	r := &row{
		line:    line,
		agg:     h.agg,
		name:    get(rName),
		email:   cleanEmail(get(rEmail)),
		join:    get(rJoin),
		leave:   get(rLeave),
		dur:     get(rDur),
		action:  get(rAction),
		stamped: get(rTime),
	}
	if r.name == "" {
		r.name = strings.TrimSpace(get(rFirst) + " " + get(rLast))
	}
	if r.email == "" {
		r.email = cleanEmail(get(rUPN))
	}
	r.host = hostRole(get(rRole)) || yes(get(rHost)) || hostTagged(r.name)
	if r.name == "" && r.email == "" {
		return nil, &Problem{line, usererr.New("La ligne n’a ni nom ni courriel.")}
	}
	return r, nil
}

// yes reads a Yes/No cell.
func yes(s string) bool {
	switch fold.Key(s) {
	case "yes", "oui", "true", "vrai", "y", "o", "1":
		return true
	}
	return false
}

// tool names the tool, from the header words, the summary lines and the
// encoding (only Teams writes UTF-16).
func (tb *tables) tool(enc string) string {
	if strings.HasPrefix(enc, "UTF-16") {
		tb.scores[Teams]++
	}
	best, n := Zoom, 0
	for _, t := range []string{Zoom, Teams, Meet} {
		if tb.scores[t] > n {
			best, n = t, tb.scores[t]
		}
	}
	return best
}

// splitLines cuts the text at \n, \r\n or a lone \r.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// splitFields cuts one line at d, honouring double quotes that open a field
// (with "" for a quote inside). An unclosed quote runs to the end of the
// line: a report's fields never span lines, and one broken row must not
// swallow the rest of the file. Fields are trimmed.
func splitFields(line string, d byte) []string {
	if strings.IndexByte(line, '"') < 0 {
		out := strings.Split(line, string(d))
		for i, f := range out {
			out[i] = strings.TrimSpace(f)
		}
		return out
	}
	var (
		out   []string
		b     strings.Builder
		inQ   bool
		blank = true // only spaces in the field so far
	)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQ && c == '"':
			if i+1 < len(line) && line[i+1] == '"' {
				b.WriteByte('"')
				i++
			} else {
				inQ = false
			}
		case inQ:
			b.WriteByte(c)
		case c == '"' && blank:
			inQ, blank = true, false
			b.Reset()
		case c == d:
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
			blank = true
		default:
			if c != ' ' {
				blank = false
			}
			b.WriteByte(c)
		}
	}
	return append(out, strings.TrimSpace(b.String()))
}
