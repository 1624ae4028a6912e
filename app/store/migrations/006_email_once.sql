-- Schema 6: a courriel names one person of a cohort. The key is the
-- courriel case-folded (participants.EmailKey, kept by the store on every
-- write); a unique index makes a second row for the same courriel
-- impossible by any path, two imports racing included.
--
-- Older files may already hold such doubles (two imports of one file at
-- the same time could add everyone twice). A double that is the same
-- person (same courriel, same name, letter case aside) is folded into the
-- first row: its marks move over where the first has none for that
-- session, and its filled fields complete the first's empty ones. Two
-- people with one courriel but different names are both kept; the later
-- ones keep no key, so the file opens, and saving one of them asks for a
-- courriel of its own.

ALTER TABLE participants ADD COLUMN email_key TEXT;

UPDATE participants SET email_key = lower(email) WHERE email <> '';

CREATE TEMP TABLE doubles AS
	SELECT p.id AS id, (SELECT min(k.id) FROM participants k
		WHERE k.cohort_id = p.cohort_id AND k.email_key = p.email_key AND lower(k.name) = lower(p.name)) AS keeper
	FROM participants p WHERE p.email_key IS NOT NULL;
DELETE FROM doubles WHERE id = keeper;

INSERT OR IGNORE INTO attendance (participant_id, session_id, mark, minutes, note)
	SELECT d.keeper, a.session_id, a.mark, a.minutes, a.note
	FROM attendance a JOIN doubles d ON d.id = a.participant_id;

UPDATE participants SET
	pronouns      = CASE WHEN pronouns = '' THEN ifnull((SELECT max(o.pronouns) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE pronouns END,
	organisation  = CASE WHEN organisation = '' THEN ifnull((SELECT max(o.organisation) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE organisation END,
	city          = CASE WHEN city = '' THEN ifnull((SELECT max(o.city) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE city END,
	phone         = CASE WHEN phone = '' THEN ifnull((SELECT max(o.phone) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE phone END,
	accessibility = CASE WHEN accessibility = '' THEN ifnull((SELECT max(o.accessibility) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE accessibility END,
	notes         = CASE WHEN notes = '' THEN ifnull((SELECT max(o.notes) FROM participants o JOIN doubles d ON d.id = o.id WHERE d.keeper = participants.id), '') ELSE notes END
WHERE id IN (SELECT keeper FROM doubles);

-- Migrations run with foreign keys off: what pointed at a double points
-- at the row kept, or goes where the kept row already has its own.
INSERT OR IGNORE INTO breakout_members (session_id, group_no, participant_id)
	SELECT b.session_id, b.group_no, d.keeper FROM breakout_members b JOIN doubles d ON d.id = b.participant_id;
DELETE FROM breakout_members WHERE participant_id IN (SELECT id FROM doubles);
UPDATE structure_members SET participant_id = (SELECT keeper FROM doubles WHERE id = participant_id)
WHERE participant_id IN (SELECT id FROM doubles);
DELETE FROM attendance WHERE participant_id IN (SELECT id FROM doubles);
DELETE FROM participants WHERE id IN (SELECT id FROM doubles);
DROP TABLE doubles;

-- Different people sharing one courriel: only the first keeps the key.
UPDATE participants SET email_key = NULL
WHERE email_key IS NOT NULL AND EXISTS (SELECT 1 FROM participants k
	WHERE k.cohort_id = participants.cohort_id AND k.email_key = participants.email_key AND k.id < participants.id);

CREATE UNIQUE INDEX participants_email_once ON participants (cohort_id, email_key) WHERE email_key IS NOT NULL;
