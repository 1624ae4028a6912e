//go:build !unix

package store

import "testing"

var specialFiles []struct {
	name string
	path func(t *testing.T) string
	says string
}
