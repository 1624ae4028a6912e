-- Schema 8, twin of SQLite's migrations/008_row_versions.sql: a row version
-- on cohorts, agenda blocks and structures, bumped by every UPDATE, so that
-- the second of two concurrent saves is refused instead of overwriting the
-- first unseen.

ALTER TABLE cohorts ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE agenda_blocks ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE structures ADD COLUMN version bigint NOT NULL DEFAULT 1;
