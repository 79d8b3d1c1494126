-- A group démarche's harmonisation plan: actions the group agrees on, each carried in every
-- structure taking part by an owner of that structure, who follows it there (step and note).
CREATE TABLE harmonisation_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_campaign_id INTEGER NOT NULL REFERENCES group_campaigns(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    node_code TEXT,
    due_on TEXT,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX harmonisation_actions_campaign ON harmonisation_actions(group_campaign_id, id);
CREATE TABLE harmonisation_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id INTEGER NOT NULL REFERENCES harmonisation_actions(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'todo',
    note TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (action_id, organisation_id)
);
