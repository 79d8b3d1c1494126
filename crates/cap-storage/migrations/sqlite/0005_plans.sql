-- Targets, progress plans and their follow-up: actions, the plan's completion day by day,
-- mid-term checkpoints, and the scheduled jobs' lease and sent reminders.

-- The level an organisation sets itself (niveau d'exigence) on an objective or an indicator;
-- a null level goes back to the referential's recommendation. Rows are kept and their version
-- grows, so the photographie's cache stamp changes with every edit.
CREATE TABLE campaign_targets (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    node_code TEXT NOT NULL,
    level_value INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, node_code)
);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL UNIQUE REFERENCES campaigns(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    horizon_months INTEGER NOT NULL,
    objective_one_year TEXT NOT NULL DEFAULT '',
    objective_three_years TEXT NOT NULL DEFAULT '',
    validated_at INTEGER,
    validated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plan_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    responsible_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    contributors TEXT NOT NULL DEFAULT '',
    starts_on TEXT,
    due_on TEXT,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    offer_code TEXT,
    priority TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    proposed INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_actions_plan ON plan_actions(plan_id);
CREATE INDEX plan_actions_due ON plan_actions(due_on);

CREATE TABLE plan_action_indicators (
    action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    PRIMARY KEY (action_id, indicator_code)
);

-- The plan's completion (per mille) as it stood at the end of each day something changed.
CREATE TABLE plan_snapshots (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    on_day TEXT NOT NULL,
    completion INTEGER NOT NULL,
    PRIMARY KEY (plan_id, on_day)
);

-- A mid-term checkpoint re-rates only the indicators the plan targets.
CREATE TABLE checkpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX checkpoints_campaign ON checkpoints(campaign_id);

CREATE TABLE checkpoint_ratings (
    checkpoint_id INTEGER NOT NULL REFERENCES checkpoints(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    level_value INTEGER,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (checkpoint_id, indicator_code)
);

-- Scheduled jobs run on one instance at a time: whoever holds the lease until it expires.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    held_until INTEGER NOT NULL
);

-- Each reminder is sent once: (kind, subject, period) is recorded before the e-mail leaves.
CREATE TABLE sent_reminders (
    kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (kind, subject_id, period)
);
