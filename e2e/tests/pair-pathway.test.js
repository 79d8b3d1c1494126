'use strict';
// The pair's pathway: the Hauts-de-France delegate proposed Camille Roussel as a pair (demo data);
// Camille accepts in the directory, on a phone, and enrols in the Arras training; the delegate
// records her attendance; a coordinator of the network then finds her « Formé·e » in the
// reviewer picker. A pair who has not trained yet is offered only as an acknowledged exception.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a proposed pair accepts, enrols, is trained and is then offered to review', async ({ server, newPage }) => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await signIn(page, server, 'pair.opale@demo.cap', DEMO_PASSWORD);
  await visit(page, server, '/directory', 'directory with a proposal');
  let text = await mainText(page);
  assert.match(text, /Julie Caron vous propose comme pair pour Côte d'Opale Intérim/);
  await submit(page, 'Accepter', 'directory after accepting');
  text = await mainText(page);
  assert.match(text, /Vous figurez dans l'annuaire des pairs/);
  assert.match(text, /Où vous en êtes : Volontaire/);
  assert.match(text, /Formation des pairs — Hauts-de-France/);
  await page.getByRole('button', { name: 'M\'inscrire à « Formation des pairs — Hauts-de-France »' }).click();
  await page.waitForLoadState('load');
  text = await mainText(page);
  assert.match(text, /Vous êtes inscrit·e à la formation/);
  assert.match(text, /Où vous en êtes : Inscrit·e à une formation/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll at 360 px (${width})`);

  // The delegate sees her enrolled and records that she attended.
  const desk = await newPage();
  await signIn(desk, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await visit(desk, server, '/trainings', 'trainings');
  const arras = desk.locator('article', { hasText: 'Formation des pairs — Hauts-de-France' });
  await arras.locator('summary').click();
  const camille = arras.getByLabel(/Camille Roussel/);
  assert.match(await arras.locator('label', { hasText: 'Camille Roussel' }).innerText(), /Inscrit·e/);
  await camille.check();
  await submit(desk, 'Enregistrer les participants', 'trainings after attendance');
  await visit(desk, server, '/directory', 'directory after training');
  assert.match(await desk.locator('tr', { hasText: 'Camille Roussel' }).innerText(), /Formé·e/);

  // Nord Bâtiment Solidaire's coordinator finds her trained in the picker (same group: flagged).
  const nord = await newPage();
  await signIn(nord, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(nord, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(nord, 'Auto-évaluation 2026', 'campaign under review');
  await follow(nord, 'Relecture', 'review page');
  const option = nord.locator('#reviewer option', { hasText: 'Camille Roussel' });
  assert.match(await option.innerText(), /Formé·e/);
});
