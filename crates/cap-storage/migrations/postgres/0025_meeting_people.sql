-- People invited to a meeting by name (account ids, as a JSON list), beside the collèges invited.
ALTER TABLE campaign_meetings ADD COLUMN people TEXT NOT NULL DEFAULT '[]';
