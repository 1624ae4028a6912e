// Package verr gathers validation problems into one error whose text a
// person can read: one French sentence per problem, one per line.
package verr

import "strings"

// List collects the problems found while validating one value.
type List []string

// Add records a problem when cond is true. It returns the list so checks
// can be chained.
func (l *List) Add(cond bool, msg string) {
	if cond {
		*l = append(*l, msg)
	}
}

// Err returns nil when nothing was recorded, else the list as an error.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the problems, one per line.
func (l List) Error() string { return strings.Join(l, "\n") }
