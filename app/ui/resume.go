package ui

import (
	"log"
	"math"

	"fyne.io/fyne/v2/lang"

	"atelier/app/kit/usererr"
)

// offerResume, on start-up, offers to take up a session left in the
// middle (the app quit, or killed), as it stands now by the clock.
func (u *UI) offerResume() {
	if u.live != nil || !u.canWrite() {
		return // a role that may only read resumes nothing: it follows, from « Animer en direct »
	}
	for _, se := range u.cohort.Sessions {
		r, err := u.savedRun(se)
		if err != nil {
			log.Printf("live state of session %d: %s", se.ID, usererr.Detail(err))
		}
		if r == nil {
			continue
		}
		v := r.View(u.svc.Now())
		if !v.Started || v.Done {
			continue
		}
		var msg string
		if left := int(math.Ceil(v.Remaining.Minutes())); left >= 0 {
			msg = lang.XN("live.resume", "Reprendre l’animation de la séance {{.S}} (bloc {{.B}}, {{.M}} restante)\u202f?", left,
				map[string]any{"S": se.Number, "B": v.Index + 1, "M": u.lang().Minutes(left)})
		} else {
			msg = lang.X("live.resume.over", "Reprendre l’animation de la séance {{.S}} (bloc {{.B}}, dépassé de {{.M}})\u202f?",
				map[string]any{"S": se.Number, "B": v.Index + 1, "M": u.lang().Minutes(-left)})
		}
		confirmThen(u.win, lang.X("live.resume.title", "Animation interrompue"), msg,
			lang.X("live.resume.action", "Reprendre"), lang.X("action.later", "Plus tard"), func() {
				for i, s := range u.cohort.Sessions {
					if s.ID == se.ID {
						u.sessionsArea().list.Select(i) // its agenda, as the panel runs it
					}
				}
				u.openLive(se)
			})
		return
	}
}
