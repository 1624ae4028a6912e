//go:build !windows

package ui

import "os"

// documentsDir is the person's Documents folder, "" when unknown.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return xdgDocuments(home, os.Getenv("XDG_CONFIG_HOME"))
}
