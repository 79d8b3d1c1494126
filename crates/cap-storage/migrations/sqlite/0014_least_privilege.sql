-- A member decides whether its region's delegates read a campaign's results (off by default),
-- and the coordinator sees who ended a reviewer's access.
ALTER TABLE campaigns ADD COLUMN shared_with_region INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_grants ADD COLUMN revoked_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
