-- Schema 4: the resource library. The French catalogue shipped with the
-- course and the facilitators' own entries, the sessions each one serves,
-- the cohort sessions and agenda blocks they are tied to, and a full-text
-- index for the search box.

CREATE TABLE resources (
	id             INTEGER PRIMARY KEY,
	title          TEXT    NOT NULL CHECK (trim(title) <> ''),
	original_title TEXT    NOT NULL DEFAULT '',
	source         TEXT    NOT NULL CHECK (trim(source) <> ''),
	author         TEXT    NOT NULL DEFAULT '',
	language       TEXT    NOT NULL CHECK (length(language) = 2),
	has_french     INTEGER NOT NULL DEFAULT 0 CHECK (has_french IN (0, 1)),
	url            TEXT    NOT NULL DEFAULT '',
	summary        TEXT    NOT NULL DEFAULT '',
	tags           TEXT    NOT NULL DEFAULT '', -- one tag per line
	favourite      INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
	file_path      TEXT    NOT NULL DEFAULT '',
	custom         INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1)),
	created_at     INTEGER NOT NULL,
	UNIQUE (title, source)
) STRICT;

-- Every catalogue entry ever seeded, by the key it was seeded under, so
-- that an entry the facilitators deleted or renamed does not come back the
-- next time the app starts.
CREATE TABLE resource_catalogue (
	title  TEXT NOT NULL,
	source TEXT NOT NULL,
	PRIMARY KEY (title, source)
) STRICT, WITHOUT ROWID;

-- The course sessions (1 to 5) a resource serves, whatever the cohort.
CREATE TABLE resource_sessions (
	resource_id    INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
	session_number INTEGER NOT NULL CHECK (session_number BETWEEN 1 AND 5),
	PRIMARY KEY (resource_id, session_number)
) STRICT, WITHOUT ROWID;

CREATE INDEX resource_sessions_by_number ON resource_sessions (session_number);

-- A resource tied to one cohort's session: to the whole session when
-- block_position is -1, else to the agenda block at that position
-- (agenda_blocks.position). Positions, not block ids: saving an agenda
-- rewrites its blocks under new ids but keeps their positions.
CREATE TABLE resource_blocks (
	resource_id    INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
	session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	block_position INTEGER NOT NULL CHECK (block_position >= -1),
	PRIMARY KEY (resource_id, session_id, block_position)
) STRICT, WITHOUT ROWID;

CREATE INDEX resource_blocks_by_session ON resource_blocks (session_id);

-- Contentless: the index holds text folded in Go (fold.Key), which FTS5
-- alone cannot do for œ, æ and typographic apostrophes; the readable text
-- stays in resources. The rowid is resources.id. contentless_delete lets
-- the store delete a row by rowid, in the same transaction as the resource.
-- The prefix indexes serve what the search box sees first: two or three
-- letters typed.
CREATE VIRTUAL TABLE resources_fts USING fts5 (
	title, summary, author, tags,
	content = '',
	contentless_delete = 1,
	prefix = '2 3',
	tokenize = "unicode61 remove_diacritics 2"
);
