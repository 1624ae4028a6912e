package live

import (
	"encoding/json"
	"fmt"

	"atelier/app/domain/agenda"
)

// stateVersion is written in every saved state so that a later format can
// tell old states apart.
const stateVersion = 1

// MarshalState writes st as JSON for the store.
func MarshalState(st State) (string, error) {
	if st.Version == 0 {
		st.Version = stateVersion
	}
	b, err := json.Marshal(st)
	if err != nil {
		return "", &stateError{"L’état de la séance en direct n’a pas pu être enregistré.", err}
	}
	return string(b), nil
}

// UnmarshalState reads a state written by MarshalState. Whatever the input,
// it returns a French error rather than panicking; the figures are checked
// against the agenda only by Restore.
func UnmarshalState(data string) (State, error) {
	var st State
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return State{}, &stateError{"L’état enregistré de la séance en direct est illisible. Relancez la séance en direct pour repartir de zéro.", err}
	}
	if st.Version > stateVersion {
		return State{}, &stateError{fmt.Sprintf("L’état de la séance en direct vient d’une version plus récente d’Atelier (format %d). Mettez Atelier à jour pour la reprendre.", st.Version), nil}
	}
	return st, nil
}

// Resume reads a saved state and restores it against blocks.
func Resume(data string, blocks []agenda.Block) (*Runner, error) {
	st, err := UnmarshalState(data)
	if err != nil {
		return nil, err
	}
	return Restore(blocks, st), nil
}

// stateError is the French sentence for the person, with the technical
// cause kept for the log (errors.Unwrap).
type stateError struct {
	msg string
	err error
}

func (e *stateError) Error() string { return e.msg }
func (e *stateError) Unwrap() error { return e.err }
