'use strict';
// A workshop on SQLite: eight phones and a projector (see lib/workshop-room.js).

const { suite } = require('../lib/browser');
const { eightPhonesAndAWall } = require('../lib/workshop-room');

const { journey } = suite({ demo: true });

journey('eight phones and a projector: a seat kept, a namesake told apart, a restart survived, honest counts, a closing screen', eightPhonesAndAWall);
