-- Schema 3: the session-3 structure diagrams, several per cohort (one per
-- breakout group), saved as they are drawn.

CREATE TABLE structures (
	id         INTEGER PRIMARY KEY,
	cohort_id  INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL CHECK (trim(name) <> ''),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (cohort_id, name)
) STRICT;

-- Node ids are the diagram's own (1, 2, 3…), unique within a structure.
CREATE TABLE structure_nodes (
	structure_id     INTEGER NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
	id               INTEGER NOT NULL,
	kind             TEXT    NOT NULL,
	label            TEXT    NOT NULL,
	x                REAL    NOT NULL,
	y                REAL    NOT NULL,
	purpose          TEXT    NOT NULL DEFAULT '',
	accountabilities TEXT    NOT NULL DEFAULT '',
	domain           TEXT    NOT NULL DEFAULT '',
	decision_method  TEXT    NOT NULL DEFAULT '',
	term_end         INTEGER, -- unix seconds; NULL when the term has no end
	PRIMARY KEY (structure_id, id)
) STRICT, WITHOUT ROWID;

-- Members in order. A member who is on the roster is linked to them, so
-- that erasing the person removes them from every diagram too.
CREATE TABLE structure_members (
	structure_id   INTEGER NOT NULL,
	node_id        INTEGER NOT NULL,
	position       INTEGER NOT NULL,
	name           TEXT    NOT NULL,
	participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,
	PRIMARY KEY (structure_id, node_id, position),
	FOREIGN KEY (structure_id, node_id) REFERENCES structure_nodes (structure_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX structure_members_by_participant ON structure_members (participant_id);

CREATE TABLE structure_links (
	structure_id INTEGER NOT NULL,
	id           INTEGER NOT NULL,
	from_id      INTEGER NOT NULL,
	to_id        INTEGER NOT NULL,
	kind         TEXT    NOT NULL,
	label        TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (structure_id, id),
	FOREIGN KEY (structure_id, from_id) REFERENCES structure_nodes (structure_id, id) ON DELETE CASCADE,
	FOREIGN KEY (structure_id, to_id) REFERENCES structure_nodes (structure_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
