package callreport

import (
	"slices"
	"strings"

	"atelier/app/kit/fold"
)

// host is who a report's summary says hosted the meeting.
type host struct {
	emails []string
	names  []string // name keys
}

// is reports whether the summary names a as the host.
func (h host) is(a Attendee) bool {
	if a.Email != "" && slices.Contains(h.emails, a.Email) {
		return true
	}
	return slices.ContainsFunc(nameKeys(a.Name), func(k string) bool { return slices.Contains(h.names, k) })
}

// summaryHostKeys are the summary fields that give the host, folded. Zoom's
// summary row calls the host's address « User Email », the address of the
// account the meeting belongs to.
var summaryHostKeys = map[string]bool{
	"user email": true, "host": true, "host name": true, "host email": true,
	"organizer": true, "organizer name": true, "organizer email": true,
	"e-mail de l'utilisateur": true, "adresse e-mail de l'utilisateur": true, "courriel de l'utilisateur": true,
	"adresse courriel de l'utilisateur": true, "adresse de courriel de l'utilisateur": true,
	"hote": true, "nom de l'hote": true, "e-mail de l'hote": true, "courriel de l'hote": true,
	"organisateur": true, "organisatrice": true, "nom de l'organisateur": true,
}

// summaryHost reads the host from the lines above the participants' table:
// Zoom's summary is a row of titles over a row of values, Teams' summary a
// title and its value on each line.
func summaryHost(lines []string, d byte) host {
	var h host
	add := func(v string) {
		if e := cleanEmail(v); e != "" {
			h.emails = append(h.emails, e)
		} else if k := nameKey(v); k != "" {
			h.names = append(h.names, k)
		}
	}
	for i, l := range lines {
		f := splitFields(l, d)
		for j, c := range f {
			if !summaryHostKeys[fold.Key(c)] {
				continue
			}
			if j == 0 && len(f) == 2 {
				add(f[1])
				continue
			}
			if next := nextFilled(lines, i+1); next >= 0 {
				if g := splitFields(lines[next], d); j < len(g) {
					add(g[j])
				}
			}
		}
	}
	return h
}

// nextFilled is the index of the first line from i that holds something,
// or -1.
func nextFilled(lines []string, i int) int {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// hostRoles are the roles, folded, of the people who run the meeting. A
// presenter is left out: a participant may present.
var hostRoles = map[string]bool{
	"organizer": true, "co-organizer": true, "coorganizer": true,
	"organisateur": true, "organisatrice": true, "co-organisateur": true, "coorganisateur": true,
	"co-organisatrice": true, "coorganisatrice": true,
	"host": true, "co-host": true, "cohost": true, "hote": true, "co-hote": true, "cohote": true,
}

func hostRole(s string) bool { return hostRoles[fold.Key(s)] }

// hostTagged recognises a name the tool tagged as the host's: Zoom's
// « Awa (Host) », « Awa (Hôte, moi) ».
func hostTagged(name string) bool {
	i := strings.LastIndex(name, "(")
	j := strings.LastIndexByte(name, ')')
	if i < 0 || j < i {
		return false
	}
	for _, part := range strings.Split(name[i+1:j], ",") {
		if hostRole(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}
