-- Schema 2: what running a session needs. The facilitators' notes of each
-- session, where a block is pinned to a clock time, the live-mode state
-- (so that a restart in the middle of a session loses nothing) and the
-- breakout groups kept with the session.

ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- Minutes after the session's start at which the block must begin (a
-- break at 19 h 30); NULL when it simply follows the block before.
ALTER TABLE agenda_blocks ADD COLUMN fixed_start INTEGER CHECK (fixed_start IS NULL OR fixed_start >= 0);

CREATE TABLE live_states (
	session_id INTEGER NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	state      TEXT    NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

-- One row per person placed in a group: erasing a person removes them
-- from the groups too.
CREATE TABLE breakout_members (
	session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	group_no       INTEGER NOT NULL CHECK (group_no >= 1),
	participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	PRIMARY KEY (session_id, participant_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX breakout_members_by_participant ON breakout_members (participant_id);
