-- Schema 8: a row version on what two people of a team may edit at once (a
-- cohort's settings, an agenda block, a structure diagram). Every UPDATE of
-- such a row bumps it in the same statement and only applies when the
-- version is the one the editor read: the second of two saves is told,
-- never silently overwrites the first (docs/team-database.md, « Row
-- versions »). Existing rows start at 1, like new ones.

ALTER TABLE cohorts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agenda_blocks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE structures ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
