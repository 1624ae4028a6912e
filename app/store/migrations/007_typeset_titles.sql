-- Schema 7: the official titles of the sessions as the app now prints them
-- (docs/french.md): the typographic apostrophe, a narrow no-break space
-- before « ? », a no-break space before « : ». Only a title still exactly as
-- the curriculum first gave it changes; one a facilitator rewrote stays.

UPDATE sessions SET title = 'Comment les mouvements décentralisés réussissent-ils ? Introduction à la stratégie.' WHERE title = 'Comment les mouvements décentralisés réussissent-ils ? Introduction à la stratégie.';
UPDATE sessions SET title = 'Comment structurer un mouvement décentralisé ? Principes d’organisation distribuée.' WHERE title = 'Comment structurer un mouvement décentralisé ? Principes d''organisation distribuée.';
UPDATE sessions SET title = 'Définir ses structures et processus : Atelier sur la création d’une structure décentralisée.' WHERE title = 'Définir ses structures et processus : Atelier sur la création d''une structure décentralisée.';
UPDATE sessions SET title = 'Travailler ensemble sans s’épuiser : Meilleures pratiques de travail en coalition agile.' WHERE title = 'Travailler ensemble sans s''épuiser : Meilleures pratiques de travail en coalition agile.';
UPDATE sessions SET title = 'S’unir pour changer le système : La logique stratégique de la convergence des luttes.' WHERE title = 'S''unir pour changer le système : La logique stratégique de la convergence des luttes.';
