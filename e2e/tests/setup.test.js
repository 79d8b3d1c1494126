'use strict';
// 1. First start: the one-time link printed by the server creates the administrator.

const assert = require('node:assert/strict');
const { suite, visit, submit, signOut, mainText } = require('../lib/browser');

const { journey, state } = suite({ demo: false });

const ADMIN = {
  name: 'Camille Admin',
  email: 'camille.admin@exemple.fr',
  password: 'une phrase longue pour Cap',
};

journey('first start: the printed setup link creates the administrator, then stops working', async ({ server, newPage }) => {
  const link = await server.setupLink();
  assert.ok(link.startsWith(`${server.baseUrl}/setup/`), `setup link ${link} points to this server`);

  const page = await newPage();
  const shown = await visit(page, server, link, 'setup form');
  assert.equal(shown.status(), 200);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: "Créer le compte d'administration" }).waitFor());

  // A mismatched confirmation is refused and the typed values are kept.
  await page.fill('#display_name', ADMIN.name);
  await page.fill('#email', ADMIN.email);
  await page.fill('#password', ADMIN.password);
  await page.fill('#confirmation', 'une autre phrase longue');
  const refused = await submit(page, 'Créer le compte', 'setup form with an error');
  assert.equal(refused.status(), 422);
  await page.locator('.error-summary[role="alert"]').waitFor();
  assert.match(await page.locator('.error-summary').innerText(), /ne sont pas identiques/);
  assert.equal(await page.inputValue('#display_name'), ADMIN.name);
  assert.equal(await page.inputValue('#email'), ADMIN.email);

  await page.fill('#password', ADMIN.password);
  await page.fill('#confirmation', ADMIN.password);
  await submit(page, 'Créer le compte', 'administration after setup');
  assert.equal(new URL(page.url()).pathname, '/admin');
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  assert.match(await page.locator('.notice--success').innerText(), /compte d'administration est créé/);
  await page.locator('form.sign-out button').waitFor();

  // Sign out, then back in with the new account.
  await signOut(page);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.match(await mainText(page), /Vous êtes déconnecté·e\./);
  assert.equal(await page.locator('form.sign-out').count(), 0);

  await page.fill('#email', ADMIN.email);
  await page.fill('#password', ADMIN.password);
  await submit(page, 'Se connecter', 'dashboard after signing in again');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: `Bonjour ${ADMIN.name}` }).waitFor();

  // The setup link served once: it is now dead, for this session and any other.
  const again = await visit(page, server, link, 'used setup link');
  assert.equal(again.status(), 410);
  await page.getByRole('heading', { level: 1, name: 'Ce lien ne fonctionne plus' }).waitFor();

  const stranger = await newPage();
  const elsewhere = await visit(stranger, server, link, 'used setup link, signed out');
  assert.equal(elsewhere.status(), 410);
  await stranger.getByRole('heading', { level: 1, name: 'Ce lien ne fonctionne plus' }).waitFor();
  assert.equal(await stranger.locator('#password').count(), 0, 'no form on a dead link');
});

journey('first start: the server printed exactly one setup link', async () => {
  const links = state.server.stdout().match(/http:\/\/127\.0\.0\.1:\d+\/setup\/[A-Za-z0-9_-]+/g) || [];
  assert.equal(links.length, 1, state.server.stdout());
});
