'use strict';
// A review by a pair and a tiers: the coordinator invites from the directory (a conflict of
// interest must be acknowledged), the pair finds the campaign on their home page, reads the
// photographie, discusses in threads and resolves one; a delegate records a training; a delegate
// reads another member of her region only once it shares a campaign with the delegation; the tiers
// plans the accompaniment day, suggests for the plan and concludes the day (lib/least-privilege.js,
// also run on PostgreSQL by review-postgres.test.js).

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');
const { readOutbox } = require('../lib/server');
const { delegateReadsOnlyWhatIsShared, tiersWorksThePlanWithTheMember } = require('../lib/least-privilege');

const { journey } = suite({ demo: true });

journey('a coordinator invites a pair from the directory, with the conflict of interest flagged', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'campaign under review');
  await follow(page, 'Relecture', 'review page');
  let text = await mainText(page);
  assert.match(text, /Élodie Garnier/, 'the pair invited in the demo is listed');
  assert.match(text, /Le niveau retenu me paraît modeste/, 'the demo thread is shown');

  // A pair of the same group is flagged and needs an acknowledgement.
  const picardie = page.locator('#reviewer option', { hasText: 'Inès Dupuis' });
  assert.match(await picardie.innerText(), /même groupe \(GES\)/);
  await page.selectOption('#reviewer', { label: await picardie.innerText() });
  await submit(page, 'Inviter', 'invitation refused without acknowledgement');
  text = await mainText(page);
  assert.match(text, /cochez la case pour confirmer/);

  // Another pair, from the region filter, is invited for the default 30 days.
  const loire = page.locator('#reviewer option', { hasText: 'Bruno Lemoine' });
  await page.selectOption('#reviewer', { label: await loire.innerText() });
  await page.uncheck('#accept_conflict');
  await submit(page, 'Inviter', 'review page after inviting');
  assert.match(await mainText(page), /Invitation envoyée/);
  assert.match(await mainText(page), /Bruno Lemoine/);
  const mail = readOutbox(server.outbox).find((m) => (m.headers.to || '').includes('pair.loire@demo.cap'));
  assert.ok(mail, 'the pair is told by e-mail');
  assert.match(mail.text, /\/review/);

  // The directory, filtered by region.
  await visit(page, server, '/directory', 'directory');
  await page.selectOption('#filter-region', { label: 'Hauts-de-France' });
  await submit(page, 'Filtrer', 'directory filtered');
  text = await mainText(page);
  assert.match(text, /Inès Dupuis/);
  assert.doesNotMatch(text, /Bruno Lemoine/, 'Centre-Val de Loire is filtered out');
});

journey('a pair reads the campaign for a few days and discusses it in threads', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'pair.gironde@demo.cap', DEMO_PASSWORD);
  assert.match(await mainText(page), /Auto-évaluations à relire/);
  await follow(page, 'Nord Bâtiment Solidaire — Auto-évaluation 2026', 'review page as a pair');
  let text = await mainText(page);
  assert.match(text, /Votre accès prend fin le/);
  assert.doesNotMatch(text, /Inviter un·e tiers ou un·e pair/, 'a pair invites nobody');

  await page.fill('#body', 'Le plan pourrait associer davantage les salariés en parcours.');
  await submit(page, 'Publier le commentaire', 'after opening a thread');
  assert.match(await mainText(page), /Commentaire publié/);

  const thread = page.locator('article.thread', { hasText: 'Le niveau retenu me paraît modeste' });
  await thread.locator('textarea').fill('Merci, je note pour la journée.');
  await navigate(page, () => thread.getByRole('button', { name: 'Envoyer la réponse', exact: true }).click(), 'after replying');
  const again = page.locator('article.thread', { hasText: 'Le niveau retenu me paraît modeste' });
  assert.match(await again.innerText(), /Merci, je note pour la journée/);
  await navigate(page, () => again.getByRole('button', { name: 'Marquer comme résolue', exact: true }).click(), 'after resolving');
  assert.match(await page.locator('article.thread', { hasText: 'Le niveau retenu me paraît modeste' }).innerText(), /Résolue par Élodie Garnier/);

  await follow(page, 'Photographie', 'photographie as a pair');
  assert.match(await mainText(page), /Score global/);
  // The campaign's own page is not the reviewer's to see.
  const response = await visit(page, server, new URL(page.url()).pathname.replace(/\/results$/, ''), 'campaign page refused');
  assert.equal(response.status(), 404);
});

journey('a regional delegate records a training and its attendees', async ({ server, newPage }) => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await signIn(page, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Pairs', 'directory from the menu');
  await follow(page, 'Formations des pairs et des tiers', 'trainings');
  assert.match(await mainText(page), /Formation des pairs — promotion 2026/);
  await page.fill('#title', 'Formation des tiers — printemps');
  await page.selectOption('#audience', 'tiers');
  await page.fill('#held_on', '2027-04-02');
  await page.fill('#place', 'Arras');
  await submit(page, 'Enregistrer la formation', 'trainings after saving');
  assert.match(await mainText(page), /Formation enregistrée/);
  const added = page.locator('article', { hasText: 'Formation des tiers — printemps' });
  await added.locator('summary').click();
  await added.getByLabel(/Julie Caron/).check();
  await submit(page, 'Enregistrer les participants', 'trainings after attendees');
  assert.match(await page.locator('article', { hasText: 'Formation des tiers — printemps' }).innerText(), /Julie Caron/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll at 360 px (${width})`);
});

journey('a delegate reads another member of her region only once it shares a campaign', delegateReadsOnlyWhatIsShared);

journey('the tiers plans the day, suggests for the plan, the coordinator decides, the day concludes', tiersWorksThePlanWithTheMember);
