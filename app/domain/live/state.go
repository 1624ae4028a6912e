package live

import (
	"encoding/json"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
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
		return "", usererr.Wrap(err, "L’état de la séance en direct n’a pas pu être enregistré.")
	}
	return string(b), nil
}

// UnmarshalState reads a state written by MarshalState. Whatever the input,
// it returns a French error rather than panicking; the figures are checked
// against the agenda only by Restore.
func UnmarshalState(data string) (State, error) {
	var st State
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return State{}, usererr.Wrap(err, "L’état enregistré de la séance en direct est illisible. Relancez la séance en direct pour repartir de zéro.")
	}
	if st.Version > stateVersion {
		return State{}, usererr.New("L’état de la séance en direct vient d’une version plus récente d’Atelier (format %d). Mettez Atelier à jour pour la reprendre.", st.Version)
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
