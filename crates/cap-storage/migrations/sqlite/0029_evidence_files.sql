-- Evidence may be the document itself rather than its address: the file is kept once and shared
-- by the evidence carried from campaign to campaign (file_id), and removed with the last evidence
-- that names it. A file's evidence keeps an empty url.
CREATE TABLE evidence_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
ALTER TABLE answer_evidence ADD COLUMN file_id INTEGER REFERENCES evidence_files(id);
CREATE INDEX answer_evidence_file ON answer_evidence(file_id);
-- begin engine-specific
CREATE TRIGGER answer_evidence_file_released AFTER DELETE ON answer_evidence
WHEN OLD.file_id IS NOT NULL
BEGIN
    DELETE FROM evidence_files WHERE id = OLD.file_id
        AND NOT EXISTS (SELECT 1 FROM answer_evidence WHERE file_id = OLD.file_id);
END;
-- end engine-specific
