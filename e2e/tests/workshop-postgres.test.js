'use strict';
// The eight-phone workshop of workshop.test.js again, on PostgreSQL (see lib/workshop-room.js).

const { suite } = require('../lib/browser');
const { freshPostgresDatabase } = require('../lib/server');
const { eightPhonesAndAWall } = require('../lib/workshop-room');

const { journey } = suite({ demo: true, databaseUrl: freshPostgresDatabase() });

journey('on PostgreSQL, eight phones and a projector: a seat kept, a namesake told apart, a restart survived, honest counts, a closing screen', eightPhonesAndAWall);
