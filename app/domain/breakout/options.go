// Package breakout splits the people present at a session into sub-groups
// (sous-groupes) of even sizes, keeping apart as far as it can the people
// who were already together in earlier sessions, and writes the groups as
// text to paste into the video tool's chat.
package breakout

import "atelier/app/kit/usererr"

// Options says how to split. Set exactly one of Groups and Size.
type Options struct {
	Groups int // this many groups
	Size   int // groups of this size, or one less so that sizes stay even
	// Seed makes a split reproducible: the same people, history and seed
	// give the same groups; another seed gives another split.
	Seed int64
}

// Validate checks the options on their own.
func (o Options) Validate() error {
	var l usererr.List
	l.Add(o.Groups > 0 && o.Size > 0, "Indiquez un nombre de groupes ou une taille de groupe, pas les deux.")
	l.Add(o.Groups == 0 && o.Size == 0, "Indiquez un nombre de groupes ou une taille de groupe.")
	l.Add(o.Groups < 0, "Le nombre de groupes ne peut pas être négatif.")
	l.Add(o.Size < 0, "La taille d’un groupe ne peut pas être négative.")
	l.Add(o.Size == 1, "Un sous-groupe compte au moins 2 personnes.")
	return l.Err()
}

// Sizes gives the size of each group for n people: sizes differ by at most
// one, larger groups first, and no group is left with a single person.
func Sizes(n int, opt Options) ([]int, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	switch {
	case n <= 0:
		return nil, usererr.List{usererr.New("Aucune personne n’est marquée présente\u00a0: il n’y a personne à répartir en sous-groupes.")}
	case n == 1:
		return nil, usererr.List{usererr.New("Une seule personne est présente\u00a0: il en faut au moins 2 pour former des sous-groupes.")}
	}
	g := opt.Groups
	if opt.Size > 0 {
		g = (n + opt.Size - 1) / opt.Size
		// With sizes evened out, ceil(n/K) groups can leave groups of one
		// (3 people in groups of 2): fold them into the others.
		g = max(min(g, n/2), 1)
	}
	if 2*g > n {
		return nil, usererr.List{usererr.New("Impossible de former %d groupes avec %d personnes présentes\u00a0: il faut au moins 2 personnes par groupe.", g, n)}
	}
	sizes := make([]int, g)
	for i := range sizes {
		sizes[i] = n / g
		if i < n%g {
			sizes[i]++
		}
	}
	return sizes, nil
}
