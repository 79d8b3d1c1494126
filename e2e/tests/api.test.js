'use strict';
// A coordinator creates a personal API token on their account page, a program reads the
// campaigns with it, and the coordinator revokes it.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a coordinator creates an API token, a program uses it, then it is revoked', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Mon compte', 'account');
  await follow(page, "Jetons d'accès à l'API", 'tokens');
  await submit(page, 'Créer le jeton', 'token refused without a name');
  assert.match(await mainText(page), /Donnez un nom au jeton/);
  await page.fill('#name', 'Tableau de bord du CA');
  await submit(page, 'Créer le jeton', 'token created');
  assert.match(await mainText(page), /Copiez-le maintenant/);
  const token = await page.inputValue('#created-token');
  assert.match(token, /^cap_/);

  const campaigns = await fetch(server.url('/api/campaigns'), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(campaigns.status, 200);
  const body = await campaigns.json();
  assert.ok(body.campaigns.some((c) => c.title === 'Auto-évaluation 2025'), 'the program reads the campaigns');

  await visit(page, server, '/account/tokens', 'tokens again');
  assert.doesNotMatch(await mainText(page), new RegExp(token), 'shown once only');
  await submit(page, 'Révoquer : Tableau de bord du CA', 'token revoked');
  assert.match(await mainText(page), /Jeton révoqué/);
  const refused = await fetch(server.url('/api/campaigns'), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(refused.status, 401);
});
