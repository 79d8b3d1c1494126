'use strict';
// Two instances of Cap on one PostgreSQL database, as behind a load balancer: the projector is
// served by one, phones vote on both, and the projector counts every vote live.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');
const { startServer, freshPostgresDatabase } = require('../lib/server');

const DB_URL = freshPostgresDatabase();

const { journey } = suite({ demo: true, databaseUrl: DB_URL });

journey('phones on two instances vote, the projector on one counts them all', async ({ server, newPage }) => {
  const other = await startServer({ databaseUrl: DB_URL });
  try {
    const facilitator = await newPage();
    await signIn(facilitator, server, 'referente@demo.cap', DEMO_PASSWORD);
    await visit(facilitator, server, '/campaigns/1', 'campaign page on instance A');
    await facilitator.selectOption('#workshop-pillar', 'ID');
    await submit(facilitator, 'Ouvrir un atelier', 'workshop console on instance A');
    const workshopPath = new URL(facilitator.url()).pathname;
    const code = (await facilitator.locator('.workshop__code').first().innerText()).trim();

    // The projector is served by instance B (sessions live in the database).
    const projector = await newPage();
    await signIn(projector, other, 'referente@demo.cap', DEMO_PASSWORD);
    await visit(projector, other, `${workshopPath}/projector`, 'projector on instance B');

    const phones = [];
    for (let i = 0; i < 4; i += 1) {
      const host = i % 2 === 0 ? server : other;
      const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
      await visit(phone, host, `/w?code=${code}`, `join page ${i}`);
      await phone.fill('#first_name', `Voix ${i + 1}`);
      await phone.selectOption('#college', 'volunteer');
      await submit(phone, 'Rejoindre', `phone ${i}`);
      await navigate(phone, () => phone.locator('label[for="vote-2"]').click(), `phone ${i} after voting`);
      phones.push(phone);
    }
    await projector.locator('.projector__count').filter({ hasText: '4 votes sur 4' }).waitFor({ timeout: 10_000 });
    assert.match(await mainText(projector), new RegExp(code));
  } finally {
    await other.stop();
  }
});
