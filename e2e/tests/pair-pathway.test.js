'use strict';
// The pair's pathway: the Hauts-de-France delegate proposed Camille Roussel as a pair (demo data);
// Camille accepts in the directory, on a phone, and enrols in the Arras training; the delegate
// records her attendance; the coordinator of another member then finds her « Formé·e » in the
// reviewer picker. A pair who has not trained yet is offered only as an acknowledged exception.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, signOut, mainText, DEMO_PASSWORD } = require('../lib/browser');

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
  await signOut(page);

  // The delegate sees her enrolled and records that she attended.
  await signIn(page, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await visit(page, server, '/trainings', 'trainings');
  const arras = page.locator('article', { hasText: 'Formation des pairs — Hauts-de-France' });
  await arras.locator('summary').click();
  const camille = arras.getByLabel(/Camille Roussel/);
  assert.match(await arras.locator('label', { hasText: 'Camille Roussel' }).innerText(), /Inscrit·e/);
  await camille.check();
  await submit(page, 'Enregistrer les participants', 'trainings after attendance');
  await visit(page, server, '/directory', 'directory after training');
  assert.match(await page.locator('tr', { hasText: 'Camille Roussel' }).innerText(), /Formé·e/);
  await signOut(page);

  // A coordinator of a member of another group finds her trained in the picker.
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'campaign under review');
  await follow(page, 'Relecture', 'review page');
  const option = page.locator('#reviewer option', { hasText: 'Camille Roussel' });
  assert.match(await option.innerText(), /Formé·e/);
});
