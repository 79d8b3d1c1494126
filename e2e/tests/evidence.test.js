'use strict';
// A coordinator keeps the evidence behind the shared answers: a document's address added from an
// indicator's consolidation page (a mistake told beside its field, what was typed kept), then a
// document uploaded itself (a renamed file refused), both shown beside the ISO 9001 requirements
// they support, then carried into next year's campaign where they are confirmed rather than
// gathered again.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('evidence behind an answer, beside the requirements, carried into the next campaign', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'campaign in consolidation');
  const campaignPath = new URL(page.url()).pathname;

  // An indicator the Cap example maps to an ISO 9001 requirement.
  const indicator = 'ID.1.2.c';
  await visit(page, server, `${campaignPath}/consolidation/${indicator}`, 'an indicator to document');
  await follow(page, 'Ajouter une preuve', 'evidence form');
  await page.fill('#title', 'Procès-verbal du conseil du 12 mars 2026');
  await page.fill('#url', 'drive.exemple.fr/pv');
  await submit(page, 'Ajouter la preuve', 'evidence refused');
  assert.match(await page.locator('#url-error').innerText(), /https:\/\//);
  assert.equal(await page.inputValue('#title'), 'Procès-verbal du conseil du 12 mars 2026', 'what was typed is kept');
  await page.fill('#url', 'https://drive.exemple.fr/pv-2026-03-12.pdf');
  await submit(page, 'Ajouter la preuve', 'evidence added');
  assert.match(await mainText(page), /Preuve ajoutée/);
  assert.equal(await page.locator('#evidence ~ ul a[href="https://drive.exemple.fr/pv-2026-03-12.pdf"]').count(), 1);

  // The document itself, uploaded: a renamed program is refused beside its field.
  await follow(page, 'Ajouter une preuve', 'evidence form, for a file');
  await page.fill('#title', "Procédure d'accueil des salariés");
  await page.setInputFiles('#file', { name: 'procedure-accueil.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a program') });
  await submit(page, 'Ajouter la preuve', 'renamed file refused');
  assert.match(await page.locator('#file-error').innerText(), /ne correspond pas à son extension/);
  assert.equal(await page.inputValue('#title'), "Procédure d'accueil des salariés", 'what was typed is kept');
  assert.match(await mainText(page), /choisissez-le à nouveau/);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  await page.setInputFiles('#file', { name: 'procedure-accueil.pdf', mimeType: 'application/pdf', buffer: pdf });
  await submit(page, 'Ajouter la preuve', 'file evidence added');
  assert.match(await mainText(page), /procedure-accueil\.pdf/);
  const fileLink = page.locator('#evidence ~ ul a', { hasText: "Procédure d'accueil des salariés" });
  const href = await fileLink.getAttribute('href');
  assert.match(href, /\/evidence\/\d+\/file$/);
  const downloaded = await page.request.get(server.url(href));
  assert.equal(downloaded.status(), 200);
  assert.equal(downloaded.headers()['content-type'], 'application/pdf');
  assert.deepEqual(await downloaded.body(), pdf, 'the very document comes back');

  // Beside the requirements it supports.
  await visit(page, server, `${campaignPath}/readiness?ref=iso-9001`, 'readiness with the evidence');
  assert.ok(await page.locator('a[href="https://drive.exemple.fr/pv-2026-03-12.pdf"]').count() > 0, 'listed on the readiness page');
  assert.ok(await page.locator(`a[href="${href}"]`).count() > 0, 'the document too');

  // Next year's campaign carries it, to be confirmed.
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Nouvelle campagne', 'new campaign form');
  await page.fill('#title', 'Auto-évaluation 2027');
  await submit(page, 'Créer la campagne', 'the new campaign');
  const next = new URL(page.url()).pathname;
  await visit(page, server, `${next}/consolidation/${indicator}`, 'the indicator in the new campaign');
  assert.match(await mainText(page), /Reprise de la campagne précédente : toujours valable \?/);
  await submit(page, 'Oui, toujours valable : Procès-verbal du conseil du 12 mars 2026', 'evidence confirmed');
  assert.match(await mainText(page), /Preuve confirmée pour cette campagne/);
  await submit(page, "Oui, toujours valable : Procédure d'accueil des salariés", 'document confirmed');
  assert.doesNotMatch(await mainText(page), /toujours valable \?/);
  const carried = await page.locator('#evidence ~ ul a', { hasText: "Procédure d'accueil des salariés" }).getAttribute('href');
  assert.deepEqual(await (await page.request.get(server.url(carried))).body(), pdf, 'the next campaign opens the same document');
});
