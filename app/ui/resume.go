package ui

import (
	"context"
	"log"
	"math"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"atelier/app/domain/live"
	"atelier/app/kit/usererr"
)

// offerResume, on start-up, offers to take up a session left in the
// middle (the app quit, or killed), as it stands now by the clock.
func (u *UI) offerResume() {
	if u.live != nil {
		return
	}
	ctx := context.Background()
	for _, se := range u.cohort.Sessions {
		saved, err := u.store.LiveState(ctx, se.ID)
		if err != nil {
			log.Printf("live state of session %d: %s", se.ID, usererr.Detail(err))
			continue
		}
		if saved == "" {
			continue
		}
		r, err := live.Resume(saved, se.Blocks)
		if err != nil {
			continue
		}
		v := r.View(u.svc.Now())
		if !v.Started || v.Done {
			continue
		}
		left := int(math.Ceil(v.Remaining.Minutes()))
		msg := lang.XN("live.resume", "Reprendre l’animation de la séance {{.S}} (bloc {{.B}}, {{.M}} restante)\u202f?", max(left, 0),
			map[string]any{"S": se.Number, "B": v.Index + 1, "M": u.lang().Minutes(max(left, 0))})
		if left < 0 {
			msg = lang.X("live.resume.over", "Reprendre l’animation de la séance {{.S}} (bloc {{.B}}, dépassé de {{.M}})\u202f?",
				map[string]any{"S": se.Number, "B": v.Index + 1, "M": u.lang().Minutes(-left)})
		}
		d := dialog.NewConfirm(lang.X("live.resume.title", "Animation interrompue"), msg, func(yes bool) {
			if !yes {
				return
			}
			for i, s := range u.cohort.Sessions {
				if s.ID == se.ID {
					u.sessionsArea().list.Select(i) // its agenda, as the panel runs it
				}
			}
			u.openLive(se)
		}, u.win)
		d.SetConfirmText(lang.X("live.resume.action", "Reprendre"))
		d.SetDismissText(lang.X("action.later", "Plus tard"))
		d.Show()
		return
	}
}
