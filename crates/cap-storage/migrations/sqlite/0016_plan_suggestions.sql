-- What the tiers suggests for a member's plan (a new action, an amendment, a merge) and what the
-- coordinator decided; an accepted suggestion names the action it became, so the plan shows where
-- an action came from.
CREATE TABLE plan_suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    why TEXT NOT NULL DEFAULT '',
    action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
    merge_ids TEXT NOT NULL DEFAULT '[]',
    due_on TEXT,
    owner_role TEXT NOT NULL DEFAULT '',
    offer_code TEXT,
    practice_id INTEGER REFERENCES good_practices(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    answer TEXT NOT NULL DEFAULT '',
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    decided_at INTEGER,
    resulting_action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX plan_suggestions_campaign ON plan_suggestions(campaign_id, id);
