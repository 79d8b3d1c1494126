'use strict';
// 2. Sign-in and sign-out; 4. password reset through the e-mailed link; 6. language switch.

const assert = require('node:assert/strict');
const {
  suite, visit, submit, follow, signIn, signOut, mainText, DEMO_PASSWORD,
} = require('../lib/browser');
const { waitForMailLink } = require('../lib/server');

const { journey } = suite({ demo: true });

journey('sign in and out as the demo administrator; a wrong password is refused', async ({ server, newPage }) => {
  const page = await newPage();

  // Signed out, the home page leads to the sign-in form.
  await visit(page, server, '/', 'home, signed out');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();

  // A wrong password: error summary, the e-mail kept, the password not.
  await page.getByLabel('Adresse e-mail').fill('admin@demo.cap');
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
  const refused = await submit(page, 'Se connecter', 'sign-in with a wrong password');
  assert.equal(refused.status(), 422);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.match(await summary.innerText(), /Il y a un problème/);
  assert.match(await summary.innerText(), /L'adresse e-mail ou le mot de passe est incorrect/);
  assert.equal(await page.inputValue('#email'), 'admin@demo.cap');
  assert.equal(await page.inputValue('#password'), '');
  assert.ok(
    await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('error-summary')),
    'focus moves to the error summary',
  );
  assert.equal(await page.locator('form.sign-out').count(), 0, 'still signed out');

  // The right password.
  await page.fill('#password', DEMO_PASSWORD);
  await submit(page, 'Se connecter', 'dashboard of the administrator');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
  await page.getByRole('link', { name: "Ouvrir l'administration" }).waitFor();
  const signOutButton = page.getByRole('button', { name: /^Se déconnecter/ });
  await signOutButton.waitFor();

  // Sign out: back to the sign-in page, and private pages are closed again.
  await signOut(page);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.match(await page.locator('.notice--success').innerText(), /Vous êtes déconnecté·e\./);
  assert.equal(await page.locator('form.sign-out').count(), 0);
  await visit(page, server, '/admin', 'administration, signed out');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
});

journey('password reset with the e-mailed link: the new password works, the old one no longer does', async ({ server, newPage }) => {
  const email = 'referente@demo.cap';
  const newPassword = 'un tout nouveau mot de passe';
  const page = await newPage();

  await visit(page, server, '/sign-in', 'sign-in page');
  await follow(page, 'Mot de passe oublié ?', 'forgotten password form');
  assert.equal(new URL(page.url()).pathname, '/password/forgot');
  await page.getByLabel('Adresse e-mail').fill(email);
  await submit(page, 'Recevoir le lien', 'forgotten password, sent');
  const notice = page.locator('.notice[role="status"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(`Si un compte existe pour ${email.replace(/\./g, '\\.')}`));

  const { link } = await waitForMailLink(server.outbox, email, { linkPattern: /http:\/\/127\.0\.0\.1:\d+\/password\/reset\/[A-Za-z0-9_-]+/ });
  assert.ok(link.startsWith(`${server.baseUrl}/password/reset/`), link);

  const reset = await visit(page, server, link, 'new password form');
  assert.equal(reset.status(), 200);
  assert.match(await mainText(page), new RegExp(`Pour le compte ${email.replace(/\./g, '\\.')}`));

  // Too short first: refused with the reason.
  await page.fill('#password', 'court');
  await page.fill('#confirmation', 'court');
  const refused = await submit(page, 'Enregistrer le mot de passe', 'new password form with an error');
  assert.equal(refused.status(), 422);
  assert.match(await page.locator('.error-summary').innerText(), /au moins 12 caractères/);

  await page.fill('#password', newPassword);
  await page.fill('#confirmation', newPassword);
  await submit(page, 'Enregistrer le mot de passe', 'sign-in after the reset');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.match(await page.locator('.notice--success').innerText(), /Votre mot de passe a été changé/);

  // The link served once.
  const used = await visit(page, server, link, 'used reset link');
  assert.equal(used.status(), 410);
  await page.getByRole('heading', { level: 1, name: 'Ce lien ne fonctionne plus' }).waitFor();

  // The new password opens the account.
  await signIn(page, server, email, newPassword);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
  await signOut(page);

  // The old one does not.
  const old = await signIn(page, server, email, DEMO_PASSWORD);
  assert.equal(old.status(), 422);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.match(await page.locator('.error-summary').innerText(), /L'adresse e-mail ou le mot de passe est incorrect/);
  assert.equal(await page.inputValue('#email'), email);
});

journey('language switch: English, then back to French', async ({ server, newPage }) => {
  const page = await newPage();
  await visit(page, server, '/sign-in', 'sign-in page in French');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();

  await submit(page, 'English', 'sign-in page in English');
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'the switch stays on the same page');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  assert.equal(await page.locator('html[lang="en"]').count(), 1);

  // The choice holds across pages, signed in too.
  await page.fill('#email', 'benevole@demo.cap');
  await page.fill('#password', DEMO_PASSWORD);
  await submit(page, 'Sign in', 'dashboard in English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { level: 1, name: /^Hello / }).waitFor();

  await submit(page, 'Français', 'dashboard back in French');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
  await page.getByRole('button', { name: 'English', exact: true }).waitFor();
});

