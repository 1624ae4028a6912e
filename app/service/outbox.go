package service

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"atelier/app/domain/participants"
	"atelier/app/kit/atomicfile"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// outbox keeps the check-in marks taken while the team database was out
// of reach (issue 16, point 5), in a file of this machine written through
// a temp file, a sync and a rename at each mark: a crash or a closed
// laptop loses none. They are sent, in the order taken, when the server
// answers again; a mark and its upsert are idempotent, so sending one
// twice (a cut during the send) changes nothing.
type outbox struct {
	path string
	mu   sync.Mutex
	// waiting holds one entry per (session, person), the last taken: a
	// tap then a second tap is one change, not two.
	waiting []waitingMark
}

// waitingMark is a mark to set, or to clear (Clear).
type waitingMark struct {
	Mark  participants.Attendance `json:"marque"`
	Clear bool                    `json:"effacer,omitempty"`
}

// KeepOutbox makes the check-in keep, in the file at path, the marks that
// the team database could not take (ErrOffline), instead of refusing
// them. It returns how many marks from an earlier run are still waiting.
// A file, always there, needs none.
func (s *Service) KeepOutbox(path string) (int, error) {
	o := &outbox{path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return 0, usererr.Wrap(err, "Impossible de lire les présences en attente d’envoi («\u00a0%s\u00a0»)\u00a0: vérifiez les droits sur ce fichier.", path)
	default:
		if err := json.Unmarshal(data, &o.waiting); err != nil {
			// Kept aside, not removed: the marks in it may be the only
			// record of who came.
			aside := path + ".illisible"
			_ = os.Rename(path, aside)
			return 0, usererr.Wrap(err, "Les présences en attente d’envoi étaient illisibles\u00a0: le fichier est mis de côté («\u00a0%s\u00a0») pour qu’on les retrouve à la main.", aside)
		}
	}
	s.outbox = o
	return len(o.waiting), nil
}

// Waiting is the number of marks taken offline not sent yet.
func (s *Service) Waiting() int {
	if s.outbox == nil {
		return 0
	}
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	return len(s.outbox.waiting)
}

// keepOffline keeps marks the store could not take because the team
// database is unreachable; ok is false (and err unchanged) for any other
// failure, or when no outbox is kept.
func (s *Service) keepOffline(err error, marks []waitingMark) (ok bool, _ error) {
	if s.outbox == nil || !errors.Is(err, store.ErrOffline) {
		return false, err
	}
	if err := s.outbox.add(marks); err != nil {
		return false, err
	}
	return true, nil
}

func (o *outbox) add(marks []waitingMark) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	next := slices.Clone(o.waiting) // o.waiting stays as it was if the write fails
	for _, m := range marks {
		next = slices.DeleteFunc(next, func(w waitingMark) bool {
			return w.Mark.SessionID == m.Mark.SessionID && w.Mark.ParticipantID == m.Mark.ParticipantID
		})
		next = append(next, m)
	}
	if err := o.write(next); err != nil {
		return err
	}
	o.waiting = next
	return nil
}

// write replaces the file with waiting, or removes it when nothing waits.
func (o *outbox) write(waiting []waitingMark) error {
	if len(waiting) == 0 {
		if err := os.Remove(o.path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return usererr.Wrap(err, "Impossible de mettre à jour les présences en attente d’envoi («\u00a0%s\u00a0»).", o.path)
		}
		return nil
	}
	data, err := json.Marshal(waiting)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.path), 0o700); err != nil {
		return usererr.NotSaved(o.path, err)
	}
	return atomicfile.Write(o.path, 0o600, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// SendWaiting sends the marks taken offline, in order, and reports how
// many went; those the server still does not take stay waiting.
func (s *Service) SendWaiting(ctx context.Context) (int, error) {
	o := s.outbox
	if o == nil {
		return 0, nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	sent := 0
	for _, w := range o.waiting {
		var err error
		if w.Clear {
			err = s.st.ClearAttendance(ctx, w.Mark.ParticipantID, w.Mark.SessionID)
		} else {
			err = s.st.SetAttendance(ctx, []participants.Attendance{w.Mark})
		}
		if err != nil {
			if werr := o.write(o.waiting[sent:]); werr != nil {
				return sent, werr
			}
			o.waiting = o.waiting[sent:]
			return sent, err
		}
		sent++
	}
	if err := o.write(nil); err != nil {
		return sent, err
	}
	o.waiting = nil
	return sent, nil
}
