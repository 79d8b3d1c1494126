'use strict';
// A director prepares the general assembly and the « dialogue de gestion »: the ESS guide's
// presentation derived from the campaign (PDF read back, and its editable document), then an
// officer of the State's services given read-only access for a few days: they choose a password
// from the e-mail, read the results and nothing else, until the member ends the access; given
// again for ten days, the access ends by itself when the server's clock is eleven days later.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, pdfText, DEMO_PASSWORD } = require('../lib/browser');
const { waitForMailLink, daysLater } = require('../lib/server');

const { journey } = suite({ demo: true });

// A day as the server counts them: in Paris, whatever the hour of the run.
const isoIn = (days) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

journey('the general assembly report, then a State officer reads for a few days', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2025', 'campaign followed up');
  const campaignPath = new URL(page.url()).pathname;

  // The ESS guide's presentation, from the photographie's downloads.
  await follow(page, 'Photographie', 'photographie');
  const href = await page.getByRole('link', { name: "Présentation à l'assemblée générale (guide ESS)", exact: true }).getAttribute('href');
  const pdf = await page.request.get(server.url(href));
  assert.equal(pdf.status(), 200);
  const text = pdfText(await pdf.body());
  for (const theme of ['Gouvernance démocratique', 'Politique salariale et exemplarité sociale', 'Développement durable']) {
    assert.ok(text.includes(theme), `${theme} in the report`);
  }
  assert.match(text, /Ce que nous faisons .* — \d — /, 'shared answers in words');
  assert.match(text, /Nos objectifs de progrès/);
  const source = await page.request.get(server.url(href.replace('.pdf', '.typ')));
  assert.equal(source.status(), 200);
  assert.match(await source.text(), /#ess\(\(/, 'the editable document carries the texts');

  // An officer of the State's services, for ten days.
  await visit(page, server, `${campaignPath}/activity`, 'activity figures');
  await follow(page, "Accès pour les services de l'État", 'State access page');
  await page.fill('#display_name', 'Agent de la DDETS');
  await page.fill('#email', 'agent.ddets@travail.gouv.fr');
  await page.fill('#starts_on', isoIn(0));
  await page.fill('#ends_on', isoIn(200));
  await submit(page, "Donner l'accès en lecture", 'State access refused');
  assert.match(await page.locator('#ends_on-error').innerText(), /92 jours/);
  assert.equal(await page.inputValue('#email'), 'agent.ddets@travail.gouv.fr', 'what was typed is kept');
  await page.fill('#ends_on', isoIn(10));
  await submit(page, "Donner l'accès en lecture", 'State access given');
  assert.match(await mainText(page), /Accès donné/);
  assert.match(await page.locator('table').innerText(), /Agent de la DDETS[\s\S]*Ouvert/);

  // The officer chooses a password from the e-mail, then reads the results.
  const officer = await newPage();
  const { link } = await waitForMailLink(server.outbox, 'agent.ddets@travail.gouv.fr', { linkPattern: /http:\/\/127\.0\.0\.1:\d+\/password\/reset\/[A-Za-z0-9_-]+/ });
  await visit(officer, server, link, 'choose a password');
  await officer.fill('#password', 'une phrase de passe pour la DDETS');
  await officer.fill('#confirmation', 'une phrase de passe pour la DDETS');
  await submit(officer, 'Enregistrer le mot de passe', 'sign-in after choosing the password');
  await signIn(officer, server, 'agent.ddets@travail.gouv.fr', 'une phrase de passe pour la DDETS');
  await follow(officer, 'Nord Bâtiment Solidaire — Auto-évaluation 2025', 'the photographie, read by the officer');
  assert.equal(new URL(officer.url()).pathname, `${campaignPath}/results`);
  assert.match(await mainText(officer), /Scores par thème/);
  const campaignPage = await visit(officer, server, campaignPath, 'the campaign page, refused');
  assert.equal(campaignPage.status(), 404);
  const review = await visit(officer, server, `${campaignPath}/review`, 'the review threads, refused');
  assert.ok([403, 404].includes(review.status()), `${review.status()}`);

  // The member ends the access: closed at once.
  await visit(page, server, `${campaignPath}/state-access`, 'State access page');
  await submit(page, "Retirer l'accès : Agent de la DDETS", 'State access ended');
  assert.match(await page.locator('table').innerText(), /Retiré/);
  const closed = await visit(officer, server, `${campaignPath}/results`, 'the results after the access ended');
  assert.equal(closed.status(), 404);

  // Given again for ten days: read at once, closed by itself eleven days later.
  await visit(page, server, `${campaignPath}/state-access`, 'State access page, again');
  await page.fill('#display_name', 'Agent de la DDETS');
  await page.fill('#email', 'agent.ddets@travail.gouv.fr');
  await page.fill('#starts_on', isoIn(0));
  await page.fill('#ends_on', isoIn(10));
  await submit(page, "Donner l'accès en lecture", 'State access given again');
  assert.match(await page.locator('table').innerText(), /Ouvert/);
  const reopened = await visit(officer, server, `${campaignPath}/results`, 'the results, open again');
  assert.equal(reopened.status(), 200);

  await server.restart('SIGTERM', daysLater(11));
  const later = await newPage();
  await signIn(later, server, 'agent.ddets@travail.gouv.fr', 'une phrase de passe pour la DDETS');
  const expired = await visit(later, server, `${campaignPath}/results`, 'the results after the last day');
  assert.equal(expired.status(), 404, 'the access ended by itself');
  const member = await newPage();
  await signIn(member, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await visit(member, server, `${campaignPath}/state-access`, 'State access page, eleven days later');
  assert.match(await member.locator('table').innerText(), /Terminé/);
});
