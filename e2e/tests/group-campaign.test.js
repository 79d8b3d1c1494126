'use strict';
// A group launches one démarche across its structures: the lead of GES Alpes Solidaires chooses
// the referential, the calendar and the structures (a mistake told beside its field), each
// structure gets its own campaign, and a structure's coordinator reads the démarche's page only
// once the lead shares it.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a group lead launches one démarche across the structures and shares it', async ({ server, newPage }) => {
  const lead = await newPage();
  await signIn(lead, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await follow(lead, 'GES Alpes Solidaires', 'the group');
  await follow(lead, 'Lancer une démarche commune', 'the démarche form');
  await lead.fill('#title', 'Démarche commune 2027');
  for (const name of ['Atelier du Lac', 'Tremplin Services', 'Rhône Intérim Solidaire']) {
    await lead.getByLabel(name, { exact: true }).uncheck();
  }
  await submit(lead, 'Lancer la démarche', 'no structure ticked');
  assert.match(await mainText(lead), /Cochez au moins une structure/);
  assert.equal(await lead.inputValue('#title'), 'Démarche commune 2027', 'what was typed is kept');
  await lead.getByLabel('Atelier du Lac', { exact: true }).check();
  await lead.getByLabel('Tremplin Services', { exact: true }).check();
  await submit(lead, 'Lancer la démarche', 'démarche launched');
  const page = new URL(lead.url()).pathname;
  const launched = await mainText(lead);
  assert.match(launched, /Démarche lancée/);
  assert.match(launched, /Atelier du Lac : Préparation/);
  assert.match(launched, /Tremplin Services : Préparation/);
  assert.doesNotMatch(launched, /Rhône Intérim Solidaire/);

  // The coordinator of Atelier du Lac finds the new campaign, and the page once it is shared.
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Atelier du Lac', 'organisation page');
  assert.match(await mainText(coordinator), /Démarche commune 2027/);
  const hidden = await coordinator.request.get(server.url(page));
  assert.equal(hidden.status(), 404, 'not shared yet');
  await submit(lead, 'Montrer cette page aux structures du groupe', 'shared');
  assert.match(await mainText(lead), /Les structures du groupe voient cette page/);
  const shared = await visit(coordinator, server, page, 'the démarche, shared');
  assert.equal(shared.status(), 200);
  assert.match(await mainText(coordinator), /Tremplin Services : Préparation/);
});
