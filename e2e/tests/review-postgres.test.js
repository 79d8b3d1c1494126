'use strict';
// The least-privilege journeys of review.test.js again, on PostgreSQL: a delegate reads another
// member of her region only once it shares a campaign; the tiers plans the day, suggests for the
// plan, and concludes the day.

const { suite } = require('../lib/browser');
const { freshPostgresDatabase } = require('../lib/server');
const { delegateReadsOnlyWhatIsShared, tiersWorksThePlanWithTheMember } = require('../lib/least-privilege');

const { journey } = suite({ demo: true, databaseUrl: freshPostgresDatabase() });

journey('on PostgreSQL, a delegate reads another member of her region only once it shares a campaign', delegateReadsOnlyWhatIsShared);

journey('on PostgreSQL, the tiers plans the day, suggests for the plan, the coordinator decides, the day concludes', tiersWorksThePlanWithTheMember);
