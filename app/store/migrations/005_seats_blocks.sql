-- Schema 5: the seats told apart from the people who came without
-- registering (a status of their own: they hold no seat and wait for none);
-- the waiting list ordered by when each person joined it, so that nobody
-- re-registered or added later goes ahead of someone already waiting; the
-- cohort's minimum number of sessions for a certificate; and resources
-- tied to an agenda block by the block's id, so that they follow the block
-- when the agenda is reordered and go with it when it is removed.
--
-- The participants table is rebuilt (SQLite cannot change a CHECK in
-- place); the runner has foreign keys off and checks them before commit.
-- The attendance triggers name the table, so they are made again after.

DROP TRIGGER attendance_counted_on_insert;
DROP TRIGGER attendance_counted_on_delete;
DROP TRIGGER attendance_counted_on_update;

CREATE TABLE participants_new (
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
	attended      INTEGER NOT NULL DEFAULT 0 CHECK (attended >= 0),
	notes         TEXT    NOT NULL DEFAULT '',
	status        TEXT    NOT NULL CHECK (status IN ('inscrit', 'confirme', 'attente', 'sans_inscription', 'desiste')),
	registered_at INTEGER NOT NULL,
	-- Unix nanoseconds at which the person last joined the waiting list:
	-- the list is served in this order.
	queued_at     INTEGER NOT NULL,
	created_at    INTEGER NOT NULL
) STRICT;

INSERT INTO participants_new (id, cohort_id, name, pronouns, email, organisation, city, phone,
		accessibility, consent, attended, notes, status, registered_at, queued_at, created_at)
	SELECT id, cohort_id, name, pronouns, email, organisation, city, phone,
		accessibility, consent, attended, notes, status, registered_at, registered_at, created_at
	FROM participants;

DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;

CREATE INDEX participants_by_cohort ON participants (cohort_id, registered_at);

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

-- Walk-ins recorded before schema 5 were made confirmé·e for want of a
-- status of their own, and so took a seat: give them back theirs.
UPDATE participants SET status = 'sans_inscription'
WHERE status = 'confirme' AND notes = 'Arrivée sans inscription'
	AND id IN (SELECT participant_id FROM attendance WHERE note = 'Sans inscription');

ALTER TABLE cohorts ADD COLUMN certificate_min INTEGER NOT NULL DEFAULT 4
	CHECK (certificate_min BETWEEN 1 AND 5);

-- A resource tied to one cohort session: to the whole session when
-- block_id is NULL, else to that block of its agenda.
CREATE TABLE resource_links (
	resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
	session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	block_id    INTEGER REFERENCES agenda_blocks (id) ON DELETE CASCADE
) STRICT;

CREATE UNIQUE INDEX resource_links_once ON resource_links (resource_id, session_id, ifnull(block_id, 0));
CREATE INDEX resource_links_by_session ON resource_links (session_id);
CREATE INDEX resource_links_by_block ON resource_links (block_id) WHERE block_id IS NOT NULL;

-- Ties by position become ties to the block then at that position; a tie
-- to a position no block holds any more had nothing to show, and goes.
INSERT INTO resource_links (resource_id, session_id, block_id)
	SELECT rb.resource_id, rb.session_id, b.id
	FROM resource_blocks rb
	LEFT JOIN agenda_blocks b ON b.session_id = rb.session_id AND b.position = rb.block_position
	WHERE rb.block_position = -1 OR b.id IS NOT NULL;

DROP TABLE resource_blocks;
