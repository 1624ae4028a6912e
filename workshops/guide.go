package workshops

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"atelier/app/domain/course"
)

// guideName is the file of session n's facilitator guide.
func guideName(n int) string { return fmt.Sprintf("guide-%d.toml", n) }

// guideFile is a facilitator guide as written in TOML; course.Guide carries
// no tags.
type guideFile struct {
	Checklist []string       `toml:"checklist"`
	FollowUp  string         `toml:"follow_up"`
	Roles     []rolesFile    `toml:"roles"`
	Debriefs  []debriefFile  `toml:"debriefs"`
	IfLate    []shortcutFile `toml:"if_late"`
}

type rolesFile struct {
	Block   string `toml:"block"`
	Lead    string `toml:"lead"`
	Support string `toml:"support"`
	Task    string `toml:"task"`
}

type debriefFile struct {
	Block     string   `toml:"block"`
	Questions []string `toml:"questions"`
}

type shortcutFile struct {
	Block   string `toml:"block"`
	Minutes int    `toml:"minutes"`
	Cut     string `toml:"cut"`
}

// loadGuide decodes session n's guide. Unlike a deck, the guide is not
// optional: the team runs every session from it, so a missing file is
// reported by its name rather than as a list of empty sections.
func loadGuide(fsys fs.FS, n int) (course.Guide, error) {
	name := guideName(n)
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return course.Guide{}, &FileError{File: name, Problem: "manque\u00a0: chaque séance a son guide d’animation"}
	}
	if err != nil {
		return course.Guide{}, &FileError{File: name, Problem: "n’a pas pu être lu", Err: err}
	}
	var gf guideFile
	if err := decodeStrict(name, data, &gf); err != nil {
		return course.Guide{}, err
	}
	return gf.guide(), nil
}

// guide maps the file onto the domain type, trimmed as the plan is.
func (f guideFile) guide() course.Guide {
	g := course.Guide{
		Checklist: trimAll(f.Checklist),
		FollowUp:  strings.TrimSpace(f.FollowUp),
	}
	for _, r := range f.Roles {
		g.Roles = append(g.Roles, course.BlockRoles{
			Block:   strings.TrimSpace(r.Block),
			Lead:    course.Role(strings.TrimSpace(r.Lead)),
			Support: course.Role(strings.TrimSpace(r.Support)),
			Task:    strings.TrimSpace(r.Task),
		})
	}
	for _, d := range f.Debriefs {
		g.Debriefs = append(g.Debriefs, course.Debrief{Block: strings.TrimSpace(d.Block), Questions: trimAll(d.Questions)})
	}
	for _, s := range f.IfLate {
		g.IfLate = append(g.IfLate, course.Shortcut{Block: strings.TrimSpace(s.Block), Minutes: s.Minutes, Cut: strings.TrimSpace(s.Cut)})
	}
	return g
}
