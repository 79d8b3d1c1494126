'use strict';
// A service of the federation's offer followed through: the accompaniment day of Nord Bâtiment
// Solidaire retained a training, asked for and taken by the Hauts-de-France delegation (demo
// data); the delegate schedules it and records it delivered, the member reads where it stands,
// asks for it again, and reads why the new request was declined.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, navigate, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a service request goes from asked to delivered, then one is declined with a reason', async ({ server, newPage }) => {
  const member = await newPage();
  await signIn(member, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(member, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(member, 'Auto-évaluation 2025', 'campaign followed up');
  const campaignPath = new URL(member.url()).pathname;
  await visit(member, server, `${campaignPath}/services`, "the campaign's services");
  const taken = member.locator('li.card', { hasText: 'Pris en charge · pris en charge par Julie Caron' });
  const title = (await taken.locator('h2').innerText()).trim();

  const delegate = await newPage();
  await signIn(delegate, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await follow(delegate, 'Déploiement', 'deployment');
  await follow(delegate, 'Demandes de services des structures', 'the region’s service requests');
  const card = delegate.locator('li.card', { hasText: 'Nord Bâtiment Solidaire' }).first();
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await card.getByLabel(/^Date prévue/).fill(day);
  await submit(delegate, /^Enregistrer la date/, 'scheduled');
  assert.match(await mainText(delegate), /Demande mise à jour/);
  await delegate.locator('li.card', { hasText: 'Nord Bâtiment Solidaire' }).first().getByLabel(/^Réalisé le/).fill(day);
  await submit(delegate, /^Marquer réalisé/, 'delivered');
  assert.match(await delegate.locator('li.card', { hasText: 'Nord Bâtiment Solidaire' }).first().innerText(), /Réalisé/);

  // The member reads it delivered, and asks again.
  await visit(member, server, `${campaignPath}/services`, "the campaign's services, delivered");
  const delivered = member.locator('li.card', { hasText: title });
  assert.match(await delivered.innerText(), /Réalisé · pris en charge par Julie Caron · prévu le .* · réalisé le /);
  await submit(member, `Demander ce service : ${title}`, 'asked again');
  assert.match(await mainText(member), /Demande envoyée/);
  assert.match(await member.locator('li.card', { hasText: title }).innerText(), /Demandé/);

  // The delegate declines the new request: a reason is needed, and the member reads it.
  await visit(delegate, server, '/services', 'the requests, with the new one');
  const fresh = delegate.locator('li.card', { hasText: 'Demandé' }).first();
  await fresh.locator('summary').click();
  await navigate(delegate, () => fresh.getByRole('button', { name: /^Refuser la demande/ }).click(), 'declined without a reason');
  assert.match(await delegate.locator('li.card .field-error').first().innerText(), /Dites pourquoi/);
  const again = delegate.locator('li.card', { hasText: 'Demandé' }).first();
  await again.locator('summary').click();
  await again.getByLabel(/^Pourquoi/).fill('La formation de janvier vient d’avoir lieu : la prochaine est en septembre.');
  await submit(delegate, /^Refuser la demande/, 'declined');
  await visit(member, server, `${campaignPath}/services`, "the campaign's services, declined");
  assert.match(await member.locator('li.card', { hasText: title }).innerText(), /Refusé : La formation de janvier vient d’avoir lieu/);
});
