'use strict';
// A director preparing an ISO 9001 certification: from the campaign's photographie to its
// readiness, requirement by requirement, and two requirements' remaining work added to the plan.

const assert = require('node:assert/strict');
const { suite, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a coordinator reads the ISO 9001 readiness and adds what remains to the plan', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2025', 'campaign followed up');
  await follow(page, 'Photographie', 'photographie');
  await follow(page, 'Passerelle vers la certification', 'readiness page');
  const text = await mainText(page);
  assert.match(text, /ISO 9001:2015/);
  for (const status of ['Couverte', 'Couverte en partie', 'Pas encore évaluée', 'Non couverte par la campagne']) {
    assert.match(text, new RegExp(status), `the summary counts « ${status} »`);
  }
  // Last year's campaign is there to compare with.
  assert.match(await page.locator('table', { hasText: 'Auto-évaluation 2024' }).innerText(), /Auto-évaluation 2025/);
  const boxes = page.locator('input[name="clause"]');
  assert.ok((await boxes.count()) >= 2, 'requirements with something left to do');
  const codes = [];
  for (const i of [0, 1]) {
    codes.push(await boxes.nth(i).getAttribute('value'));
    await boxes.nth(i).check();
  }
  await submit(page, 'Ajouter au plan de progrès', 'plan after adding requirements');
  const plan = await mainText(page);
  assert.match(plan, /Ajouté au plan de progrès/);
  for (const code of codes) assert.ok(plan.includes(`ISO 9001:2015`) && plan.includes(` ${code} `), `an action for ${code}`);
});
