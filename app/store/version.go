package store

// SchemaVersion is the schema version this build brings a database to.
func SchemaVersion() int {
	n, _ := latestVersion()
	return n
}
