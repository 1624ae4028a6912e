-- Migration 1: the first schema of an Atelier file.
-- Times are INTEGER: sessions and cohorts in Unix seconds (UTC), participants'
-- registration in Unix nanoseconds so that people added in the same second
-- keep their order.

-- 0x41544C52 is "ATLR": it tells an Atelier file from any other SQLite file.
PRAGMA application_id = 1096043602;

CREATE TABLE settings (
	key   TEXT NOT NULL PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE cohorts (
	id         INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL UNIQUE CHECK (trim(name) <> ''),
	time_zone  TEXT    NOT NULL,
	seat_limit INTEGER NOT NULL CHECK (seat_limit >= 1),
	created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE cohort_facilitators (
	cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	name      TEXT    NOT NULL,
	PRIMARY KEY (cohort_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
	id        INTEGER PRIMARY KEY,
	cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
	number    INTEGER NOT NULL CHECK (number BETWEEN 1 AND 5),
	title     TEXT    NOT NULL,
	starts_at INTEGER NOT NULL,
	UNIQUE (cohort_id, number)
) STRICT;

CREATE TABLE agenda_blocks (
	id          INTEGER PRIMARY KEY,
	session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	title       TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	minutes     INTEGER NOT NULL CHECK (minutes > 0),
	facilitator TEXT    NOT NULL DEFAULT '',
	notes       TEXT    NOT NULL DEFAULT '',
	materials   TEXT    NOT NULL DEFAULT '',
	UNIQUE (session_id, position)
) STRICT;

CREATE TABLE participants (
	id            INTEGER PRIMARY KEY,
	cohort_id     INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
	name          TEXT    NOT NULL,
	pronouns      TEXT    NOT NULL DEFAULT '',
	email         TEXT    NOT NULL DEFAULT '',
	organisation  TEXT    NOT NULL DEFAULT '',
	city          TEXT    NOT NULL DEFAULT '',
	phone         TEXT    NOT NULL DEFAULT '',
	accessibility TEXT    NOT NULL DEFAULT '',
	consent       INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
	-- Sessions marked present or late, kept by the attendance triggers
	-- below so that the roster reads it without touching the marks.
	attended      INTEGER NOT NULL DEFAULT 0 CHECK (attended >= 0),
	notes         TEXT    NOT NULL DEFAULT '',
	status        TEXT    NOT NULL CHECK (status IN ('inscrit', 'confirme', 'attente', 'desiste')),
	registered_at INTEGER NOT NULL,
	created_at    INTEGER NOT NULL
) STRICT;

-- Serves both the cohort filter and the display order, so listing a cohort
-- needs no sort.
CREATE INDEX participants_by_cohort ON participants (cohort_id, registered_at);

CREATE TABLE attendance (
	participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	mark           TEXT    NOT NULL CHECK (mark IN ('present', 'absent', 'excuse', 'retard')),
	minutes        INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
	note           TEXT    NOT NULL DEFAULT '',
	-- Session first: the check-in view and the exports read a session's
	-- marks as one range.
	PRIMARY KEY (session_id, participant_id)
) STRICT, WITHOUT ROWID;

-- Without it, deleting a person would scan every mark to cascade.
CREATE INDEX attendance_by_participant ON attendance (participant_id);

CREATE TRIGGER attendance_counted_on_insert AFTER INSERT ON attendance
WHEN NEW.mark IN ('present', 'retard')
BEGIN
	UPDATE participants SET attended = attended + 1 WHERE id = NEW.participant_id;
END;

CREATE TRIGGER attendance_counted_on_delete AFTER DELETE ON attendance
WHEN OLD.mark IN ('present', 'retard')
BEGIN
	UPDATE participants SET attended = attended - 1 WHERE id = OLD.participant_id;
END;

CREATE TRIGGER attendance_counted_on_update AFTER UPDATE OF mark, participant_id ON attendance
BEGIN
	UPDATE participants SET attended = attended - (OLD.mark IN ('present', 'retard'))
	WHERE id = OLD.participant_id;
	UPDATE participants SET attended = attended + (NEW.mark IN ('present', 'retard'))
	WHERE id = NEW.participant_id;
END;
