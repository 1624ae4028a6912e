package course

import (
	"regexp"
	"slices"
	"strings"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

// Slide is one slide of a session's deck: drawn on the shared screen and
// printed in the deck's PDF. Notes are the facilitator's, never shown to
// participants.
type Slide struct {
	Title       string
	Lines       []string // one idea each, drawn as a list
	Quote       string   // optional, with QuoteSource
	QuoteSource string
	Notes       string
}

// Limits of a slide readable on a shared screen.
const (
	MaxSlideTitle = 60
	MaxSlideLines = 5
	MaxSlideLine  = 90
)

// slideRef finds the slides a block's materials cite: « diapo 9 »,
// « diapos 8 à 15 », « diapos 20 et 21 », « diapos 1, 2 et 3 ».
var slideRef = regexp.MustCompile(`(?i)\bdiapos?\s+(\d+)((?:\s*(?:,|à|et)\s*\d+)*)`)

// SlideRefs lists, in order and without repeats, the numbers of the slides
// materials cites.
func SlideRefs(materials string) []int {
	return numberedRefs(slideRef, materials)
}

// BlockSlides are the numbers of the slides block i of the plan cites.
func (p Plan) BlockSlides(i int) []int {
	if i < 0 || i >= len(p.Blocks) {
		return nil
	}
	return SlideRefs(p.Blocks[i].Materials)
}

// SlideBlock is the index of the block that cites slide n (1-based), or -1.
func (p Plan) SlideBlock(n int) int {
	for i := range p.Blocks {
		for _, k := range p.BlockSlides(i) {
			if k == n {
				return i
			}
		}
	}
	return -1
}

// validateSlides checks the deck against the agenda: every slide a block
// cites exists, every slide is cited by exactly one block, the blocks cite
// them in order, and each slide is short enough for a shared screen.
func (p Plan) validateSlides(name *usererr.Error) usererr.List {
	var problems usererr.List
	owner := map[int]string{}
	last := 0
	for i, b := range p.Blocks {
		for _, n := range p.BlockSlides(i) {
			switch {
			case n < 1 || n > len(p.Slides):
				problems = append(problems, usererr.New("%s : le bloc « %s » cite la diapo %d, que le diaporama (%d diapos) n’a pas.", name, b.Title, n, len(p.Slides)))
			case owner[n] != "":
				problems = append(problems, usererr.New("%s : la diapo %d est citée par « %s » et par « %s ».", name, n, owner[n], b.Title))
			case n < last:
				problems = append(problems, usererr.New("%s : le bloc « %s » cite la diapo %d après la diapo %d d’un bloc précédent.", name, b.Title, n, last))
			}
			if owner[n] == "" {
				owner[n] = b.Title
			}
			last = max(last, n)
		}
	}
	for i, s := range p.Slides {
		n := i + 1
		if owner[n] == "" {
			problems = append(problems, usererr.New("%s : la diapo %d (« %s ») n’est citée par aucun bloc.", name, n, s.Title))
		}
		switch {
		case strings.TrimSpace(s.Title) == "":
			problems = append(problems, usererr.New("%s : la diapo %d n’a pas de titre.", name, n))
		case len([]rune(s.Title)) > MaxSlideTitle:
			problems = append(problems, usererr.New("%s : le titre de la diapo %d dépasse %d caractères.", name, n, MaxSlideTitle))
		}
		if len(s.Lines) > MaxSlideLines {
			problems = append(problems, usererr.New("%s : la diapo %d a %d lignes (au plus %d).", name, n, len(s.Lines), MaxSlideLines))
		}
		for _, l := range s.Lines {
			if len([]rune(l)) > MaxSlideLine {
				problems = append(problems, usererr.New("%s : une ligne de la diapo %d dépasse %d caractères.", name, n, MaxSlideLine))
			}
		}
		if (s.Quote == "") != (s.QuoteSource == "") {
			problems = append(problems, usererr.New("%s : la citation de la diapo %d n’a pas sa source (ou l’inverse).", name, n))
		}
		if strings.TrimSpace(s.Notes) == "" {
			problems = append(problems, usererr.New("%s : la diapo %d n’a pas de notes d’animation.", name, n))
		}
	}
	return problems
}

// SlideStep is where a presentation clicker leads from slide cur (0 when
// none is on show) during block i of blocks: Page Down (forward) to the
// block's next slide, Page Up to its previous one. ok is false at either
// end of the block's slides (or for a block with none): the step then
// moves to the next or previous block instead.
func SlideStep(blocks []agenda.Block, i, cur int, forward bool) (next int, ok bool) {
	if i < 0 || i >= len(blocks) {
		return 0, false
	}
	refs := SlideRefs(blocks[i].Materials)
	at := slices.Index(refs, cur)
	switch {
	case len(refs) == 0:
		return 0, false
	case at < 0 && forward:
		return refs[0], true
	case at < 0:
		return 0, false
	case forward && at+1 < len(refs):
		return refs[at+1], true
	case !forward && at > 0:
		return refs[at-1], true
	}
	return 0, false
}

// FirstSlide and LastSlide are the slides block i opens and ends on, 0
// when it cites none: where a step into the block from before or after
// lands.
func FirstSlide(blocks []agenda.Block, i int) int {
	if i < 0 || i >= len(blocks) {
		return 0
	}
	if refs := SlideRefs(blocks[i].Materials); len(refs) > 0 {
		return refs[0]
	}
	return 0
}

// LastSlide: see FirstSlide.
func LastSlide(blocks []agenda.Block, i int) int {
	if i < 0 || i >= len(blocks) {
		return 0
	}
	if refs := SlideRefs(blocks[i].Materials); len(refs) > 0 {
		return refs[len(refs)-1]
	}
	return 0
}
