package service

import (
	"testing"
	"time"

	"atelier/app/domain/participants"
)

// A tap at the desk marks présent·e or takes a présent·e mark back, and
// its undo puts back the mark exactly as it was.
func TestDeskTapAndItsUndo(t *testing.T) {
	f := newFixture(t)
	f.setSeats(11)
	f.importRows(eleven...)
	s1 := f.session(1)
	f.after(1, 5*time.Minute)
	cases := []struct {
		name       string
		person     string
		before     *participants.Attendance // nil: no mark
		wantMarked bool
		wantAfter  participants.Mark // when marked
	}{
		{"no mark", "Awa Diop", nil, true, participants.Present},
		{"excused", "Bo Tran", &participants.Attendance{Mark: participants.Excuse, Note: "malade"}, true, participants.Present},
		{"present", "Cy Roy", &participants.Attendance{Mark: participants.Present, Minutes: 85, Note: "en visio"}, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := f.person(tc.person).ID
			var cur participants.Attendance
			if tc.before != nil {
				cur = *tc.before
				cur.ParticipantID, cur.SessionID = id, s1.ID
				if err := f.svc.Mark(f.ctx, cur); err != nil {
					t.Fatal(err)
				}
			} else {
				cur = participants.Attendance{ParticipantID: id, SessionID: s1.ID}
			}
			mark := func() (participants.Attendance, bool) {
				d, err := f.svc.Desk(f.ctx, f.c, s1.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range d.Marks {
					if m.ParticipantID == id {
						return m, true
					}
				}
				return participants.Attendance{}, false
			}
			tap, err := f.svc.TapDesk(f.ctx, cur, tc.before != nil)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := mark()
			if tap.Marked != tc.wantMarked || ok != tc.wantMarked || (ok && got.Mark != tc.wantAfter) {
				t.Fatalf("after the tap: %+v (stored %v %+v)", tap, ok, got)
			}
			if ok && tc.before != nil && got.Note != tc.before.Note {
				t.Errorf("the tap lost the note: %+v", got)
			}
			if err := f.svc.UndoTap(f.ctx, tap); err != nil {
				t.Fatal(err)
			}
			got, ok = mark()
			switch {
			case tc.before == nil && ok:
				t.Errorf("undo left a mark %+v", got)
			case tc.before != nil && (!ok || got.Mark != tc.before.Mark || got.Minutes != tc.before.Minutes || got.Note != tc.before.Note):
				t.Errorf("undo gave %v %+v, want %+v", ok, got, *tc.before)
			}
		})
	}
}
