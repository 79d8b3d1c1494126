-- When a campaign's consolidation ended (it moved on to the review): a later campaign compares
-- itself only with campaigns consolidated before it started. Campaigns already past it take the
-- time of their last change.
ALTER TABLE campaigns ADD COLUMN consolidated_at BIGINT;
UPDATE campaigns SET consolidated_at = updated_at WHERE status IN ('review', 'plan_validated', 'follow_up', 'closed');
