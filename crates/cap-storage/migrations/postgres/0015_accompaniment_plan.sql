-- The accompaniment day is planned ahead (where, which pillars) before it is held and concluded;
-- a concluded day sets the plan's horizon and its mid-term checkpoint. A planned day has no
-- decision yet (an empty code).
ALTER TABLE accompaniment_days ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE accompaniment_days ADD COLUMN pillars TEXT NOT NULL DEFAULT '[]';
ALTER TABLE accompaniment_days ADD COLUMN horizon_on TEXT;
ALTER TABLE accompaniment_days ADD COLUMN checkpoint_on TEXT;
