-- An indicator's statement in easy-to-read words (FALC), optional, in both languages.
ALTER TABLE referential_nodes ADD COLUMN easy_read TEXT;
ALTER TABLE referential_nodes ADD COLUMN easy_read_en TEXT;
