-- A member decides whether its region's delegates read a campaign's results (off by default),
-- and the coordinator sees who ended a reviewer's access.
ALTER TABLE campaigns ADD COLUMN shared_with_region BIGINT NOT NULL DEFAULT 0;
ALTER TABLE review_grants ADD COLUMN revoked_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
