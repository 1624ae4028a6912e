package course

import (
	"slices"
	"strings"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

// Role is a facilitation role of the team during a live session. The guide
// suggests, for each block, which role leads it and which supports it; a
// cohort's team fills the roles in the order of its list.
type Role string

const (
	// Animation leads the session: the frame, the talks, the plenary.
	Animation Role = "animation"
	// Coanimation is the second facilitator: a room, the debriefs, the chat.
	Coanimation Role = "coanimation"
	// Technique hosts the call: admissions, rooms, timer, screen, captions.
	Technique Role = "technique"
)

// Roles lists every role in the order a cohort's team fills them.
func Roles() []Role { return []Role{Animation, Coanimation, Technique} }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// BlockRoles is who does what in one block of the agenda: the lead role,
// the supporting role, and what the supporting person does meanwhile.
type BlockRoles struct {
	Block   string // the block's title in the session plan
	Lead    Role
	Support Role
	Task    string // the support's job in this block, e.g. « ouvre les salles »
}

// Debrief is the questions that close a block of pair or group work.
type Debrief struct {
	Block     string
	Questions []string
}

// Shortcut is one thing to shorten when the session runs late, with the
// minutes it wins back.
type Shortcut struct {
	Block   string
	Minutes int
	Cut     string // what to shorten or drop, in French
}

// Guide is the facilitator guide of one session: for the team only, never
// printed in participants' handouts.
type Guide struct {
	Checklist []string // to prepare before the session: rooms, documents, roles
	Roles     []BlockRoles
	Debriefs  []Debrief
	IfLate    []Shortcut // «\u00a0si vous êtes en retard\u00a0»
	FollowUp  string     // the message to paste to participants afterwards
}

// Limits that keep a guide usable in the minutes before a session.
const (
	MinChecklist = 5
	MinShortcuts = 2
)

// DebriefKinds are the kinds of block whose work is debriefed afterwards.
var DebriefKinds = []agenda.Kind{agenda.Exercice, agenda.SousGroupes}

// RolesFor is the roles of the block titled title, and false when the
// guide has none for it (a block a cohort added).
func (g Guide) RolesFor(title string) (BlockRoles, bool) {
	for _, r := range g.Roles {
		if r.Block == title {
			return r, true
		}
	}
	return BlockRoles{}, false
}

// DebriefFor is the debrief questions of the block titled title.
func (g Guide) DebriefFor(title string) []string {
	for _, d := range g.Debriefs {
		if d.Block == title {
			return d.Questions
		}
	}
	return nil
}

// Shortcuts is what the guide says to shorten in the block titled title.
func (g Guide) Shortcuts(title string) []Shortcut {
	var out []Shortcut
	for _, s := range g.IfLate {
		if s.Block == title {
			out = append(out, s)
		}
	}
	return out
}

// Saved is how many minutes the shortcuts win back in all.
func (g Guide) Saved() int {
	n := 0
	for _, s := range g.IfLate {
		n += s.Minutes
	}
	return n
}

// validateGuide checks the guide against the plan's agenda: one roles
// entry per block, in the agenda's order; debrief questions after every
// block of pair or group work; shortcuts that name a block and win back
// less than the block lasts.
func (p Plan) validateGuide(name *usererr.Error) usererr.List {
	var l usererr.List
	g := p.Guide
	l.Add(len(g.Checklist) < MinChecklist, "%s\u00a0: la liste de préparation du guide compte moins de %d points.", name, MinChecklist)
	for _, c := range g.Checklist {
		l.Add(strings.TrimSpace(c) == "", "%s\u00a0: un point de la liste de préparation est vide.", name)
	}
	l.Add(strings.TrimSpace(g.FollowUp) == "", "%s\u00a0: le message de suivi du guide manque.", name)
	if len(g.Roles) != len(p.Blocks) {
		l = append(l, usererr.New("%s\u00a0: le guide répartit les rôles de %d blocs, l’agenda en compte %d.", name, len(g.Roles), len(p.Blocks)))
	}
	for i, r := range g.Roles {
		if i < len(p.Blocks) && r.Block != p.Blocks[i].Title {
			l = append(l, usererr.New("%s\u00a0: les rôles n°\u00a0%d du guide sont pour «\u00a0%s\u00a0», le bloc n°\u00a0%d est «\u00a0%s\u00a0».", name, i+1, r.Block, i+1, p.Blocks[i].Title))
		}
		l.Add(!r.Lead.Valid() || !r.Support.Valid(), "%s\u00a0: un rôle du bloc «\u00a0%s\u00a0» est inconnu (%s, %s).", name, r.Block, r.Lead, r.Support)
		l.Add(r.Lead == r.Support, "%s\u00a0: le bloc «\u00a0%s\u00a0» a le même rôle pour mener et soutenir.", name, r.Block)
		l.Add(strings.TrimSpace(r.Task) == "", "%s\u00a0: le guide ne dit pas ce que fait le soutien pendant «\u00a0%s\u00a0».", name, r.Block)
	}
	block := func(title string) (agenda.Block, bool) {
		for _, b := range p.Blocks {
			if b.Title == title {
				return b, true
			}
		}
		return agenda.Block{}, false
	}
	for _, d := range g.Debriefs {
		_, ok := block(d.Block)
		l.Add(!ok, "%s\u00a0: le guide donne un retour pour «\u00a0%s\u00a0», qui n’est pas dans l’agenda.", name, d.Block)
		l.Add(len(d.Questions) == 0, "%s\u00a0: le retour sur «\u00a0%s\u00a0» n’a aucune question.", name, d.Block)
		for _, q := range d.Questions {
			l.Add(strings.TrimSpace(q) == "", "%s\u00a0: une question de retour sur «\u00a0%s\u00a0» est vide.", name, d.Block)
		}
	}
	for _, b := range p.Blocks {
		l.Add(slices.Contains(DebriefKinds, b.Kind) && len(g.DebriefFor(b.Title)) == 0,
			"%s\u00a0: le guide n’a pas de questions de retour après «\u00a0%s\u00a0».", name, b.Title)
	}
	l.Add(len(g.IfLate) < MinShortcuts, "%s\u00a0: la rubrique «\u00a0si vous êtes en retard\u00a0» compte moins de %d raccourcis.", name, MinShortcuts)
	for _, s := range g.IfLate {
		b, ok := block(s.Block)
		l.Add(!ok, "%s\u00a0: le guide propose de raccourcir «\u00a0%s\u00a0», qui n’est pas dans l’agenda.", name, s.Block)
		l.Add(ok && (s.Minutes < 1 || s.Minutes >= b.Minutes),
			"%s\u00a0: raccourcir «\u00a0%s\u00a0» de %d\u00a0min est impossible (le bloc dure %d\u00a0min).", name, s.Block, s.Minutes, b.Minutes)
		l.Add(strings.TrimSpace(s.Cut) == "", "%s\u00a0: un raccourci de «\u00a0%s\u00a0» ne dit pas quoi couper.", name, s.Block)
	}
	return l
}

// Assignment is a block's lead and support as people's names.
type Assignment struct {
	Lead, Support string
}

// Assign fills a block's roles from a cohort's team: the team's first
// person takes the animation, the second the coanimation, the third the
// technique; with fewer people the roles wrap around the list, and the
// support is never the lead while the team has two people. With no team
// both names are empty: the roles stand for the people.
func Assign(r BlockRoles, team []string) Assignment {
	if len(team) == 0 {
		return Assignment{}
	}
	lead, support := holderIndex(r.Lead, team), holderIndex(r.Support, team)
	if support == lead && len(team) > 1 {
		support = (lead + 1) % len(team)
	}
	return Assignment{Lead: team[lead], Support: team[support]}
}

// Holder is who in team holds role r for the session, as Assign fills a
// lead: "" with no team.
func Holder(r Role, team []string) string {
	if len(team) == 0 {
		return ""
	}
	return team[holderIndex(r, team)]
}

func holderIndex(r Role, team []string) int { return slices.Index(Roles(), r) % len(team) }
