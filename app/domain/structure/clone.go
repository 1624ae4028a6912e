package structure

import "slices"

// Clone is a copy of s that shares nothing with it, Members included, so an
// undo snapshot cannot be changed through the diagram being edited.
func (s Structure) Clone() Structure {
	c := s
	c.Nodes = slices.Clone(s.Nodes)
	for i := range c.Nodes {
		c.Nodes[i].Members = slices.Clone(c.Nodes[i].Members)
	}
	c.Links = slices.Clone(s.Links)
	return c
}
