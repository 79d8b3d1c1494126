'use strict';
// A director prepares the « dialogue de gestion » with the State's services: the year's activity
// figures typed once (inconsistent ones refused beside their field, what was typed kept), the
// rates computed and set beside last year's, the two-page summary carrying them, and the
// network's totals for the federation.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, pdfText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('activity figures for the State: refused when inconsistent, rates in the summary', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'campaign page');
  const campaignPath = new URL(page.url()).pathname;
  await follow(page, "Chiffres d'activité", 'activity figures');
  const table = page.locator('table', { hasText: 'Taux de sorties dynamiques' });
  assert.match(await table.locator('thead').innerText(), /Auto-évaluation 2026[\s\S]*Auto-évaluation 2025/, 'beside last year');

  // Exits beyond the people in pathways: told beside the field, what was typed kept.
  await page.fill('#people', '30');
  await page.fill('#exits', '45');
  await page.fill('#hours_worked', '27 500');
  await submit(page, 'Enregistrer les chiffres', 'activity figures refused');
  assert.match(await page.locator('.error-summary').innerText(), /Les sorties ne peuvent pas dépasser le nombre de personnes en parcours/);
  assert.match(await page.locator('#exits-error').innerText(), /ne peuvent pas dépasser/);
  assert.equal(await page.getAttribute('#exits', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#hours_worked'), '27 500', 'what was typed is kept');

  // Consistent figures: saved, the rates computed from the counts.
  await page.fill('#exits', '20');
  await page.fill('#durable', '6');
  await page.fill('#transition', '5');
  await page.fill('#positive', '3');
  await page.fill('#other', '6');
  await page.fill('#women', '12');
  await submit(page, 'Enregistrer les chiffres', 'activity figures saved');
  assert.match(await mainText(page), /Chiffres d'activité enregistrés/);
  const rows = await table.locator('tbody').innerText();
  assert.match(rows, /Taux de sorties vers l'emploi durable\s+30\s%/);
  assert.match(rows, /Taux de sorties dynamiques\s+70\s%/);
  assert.match(rows, /Heures travaillées par les personnes en parcours\s+27\s500/);

  // The two-page summary for the State's services carries them.
  const summary = await page.request.get(server.url(`${campaignPath}/export/synthese.pdf`));
  assert.equal(summary.status(), 200);
  const text = pdfText(await summary.body());
  assert.match(text, /Chiffres d.activité/);
  assert.match(text, /Taux de sorties dynamiques/);
  assert.match(text, /30 % 25 % 15 % 70 %/, 'the rates as computed');

  // The federation's totals over every member's latest figures, rates recomputed from the sums.
  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  await visit(admin, server, '/network', 'network dashboard');
  const network = admin.locator('table[aria-labelledby="activity-title"]');
  assert.match(await admin.locator('#activity-title').innerText(), /Chiffres d'activité du réseau/);
  assert.match(await mainText(admin), /Totaux des derniers chiffres saisis par \d+ structures/);
  assert.match(await network.innerText(), /Personnes salariées en parcours sur l'année\s+[\d\s]+personnes/);
});
