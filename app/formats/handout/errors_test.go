package handout

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strings"
	"syscall"
	"testing"

	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/kit/usererr"
)

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestErrorsAreSentences(t *testing.T) {
	c, plans := fixture(t)
	broken := structure.Structure{Name: "Cassée", Nodes: []structure.Node{{ID: 1, Kind: structure.Cercle, Label: "x", X: float32(math.NaN())}}}
	tests := []struct {
		name  string
		run   func() error
		want  string
		cause error
	}{
		{"disk full", func() error {
			return SignIn(failingWriter{syscall.ENOSPC}, c, c.Sessions[0], people(3), opts())
		}, "Le document «\u00a0feuille d’émargement\u00a0» n’a pas pu être enregistré. Le disque est plein", syscall.ENOSPC},
		{"other write failure", func() error {
			return Handout(failingWriter{io.ErrClosedPipe}, c, c.Sessions[0], plans[0], nil, opts())
		}, "Le document «\u00a0document de séance\u00a0» n’a pas pu être enregistré. Vérifiez l’emplacement choisi", io.ErrClosedPipe},
		{"a panic while drawing", func() error {
			return Handout(&bytes.Buffer{}, c, c.Sessions[2], plans[2], nil, Options{Created: created, Structures: []structure.Structure{broken}})
		}, "Le document «\u00a0document de séance\u00a0» n’a pas pu être créé. Réessayez\u202f; si le problème revient", nil},
		{"empty booklet", func() error {
			return Booklet(&bytes.Buffer{}, c, []course.Plan{}, nil, opts())
		}, "Le livret n’a aucune séance à imprimer\u00a0:", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil {
				t.Fatal("no error")
			}
			if !usererr.ForPerson(err) || !strings.HasPrefix(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), ".") {
				t.Errorf("err = %q, want a sentence starting %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "handout") {
				t.Errorf("technical prefix in %q", err)
			}
			if tt.cause != nil && !errors.Is(err, tt.cause) {
				t.Errorf("the cause is lost: %v", usererr.Detail(err))
			}
		})
	}
}
