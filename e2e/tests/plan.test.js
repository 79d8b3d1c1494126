'use strict';
// From a consolidated campaign to a followed plan: the photographie (compared with last year's
// campaign), targets, the proposed plan edited (merge, discard, edit with an error then fixed),
// validated, moved on the board at 360 px, a reminder in the outbox, and a checkpoint.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, checkA11y, DEMO_PASSWORD } = require('../lib/browser');
const { readOutbox } = require('../lib/server');

const { journey } = suite({ demo: true, env: { CAP_REMINDER_INTERVAL_SECONDS: '2' } });

/** A calendar date in Paris, `days` from today, as date fields take it (YYYY-MM-DD). */
function parisDate(days = 0) {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

journey('a coordinator turns the photographie into a validated plan and follows it up', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'campaign in consolidation');
  await follow(page, 'Photographie', 'photographie');
  const results = await mainText(page);
  assert.match(results, /Score global/);
  assert.match(results, /Évolution depuis « Auto-évaluation 2025 »/, 'compared with last year');
  assert.equal(await page.locator('svg[role="img"]').count() >= 2, true, 'radar and bars');
  assert.equal(await page.locator('table.heat-table tbody tr').count() > 10, true, 'the heat map');

  // Targets: aim higher on the first pillar.
  await follow(page, "Niveaux d'exigence", 'targets');
  const first = page.locator('select[name^="target."]').first();
  await first.selectOption('4');
  await submit(page, "Enregistrer les niveaux d'exigence", 'photographie after targets');
  assert.match(await mainText(page), /Niveaux d'exigence enregistrés/);

  // The proposed plan.
  await follow(page, 'Plan de progrès', 'plan before generation');
  assert.match(await mainText(page), /indicateurs? (sont|est) en dessous de (leur|son) niveau d'exigence/);
  await submit(page, 'Proposer le plan', 'plan with proposals');
  assert.match(await mainText(page), /Plan proposé/);
  const boxes = page.locator('input[name="action"]');
  const proposed = await boxes.count();
  assert.equal(proposed >= 4, true, `enough proposals (${proposed})`);
  assert.match(await mainText(page), /niveaux? sous l'exigence/, 'reasons are shown');

  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await submit(page, 'Regrouper la sélection', 'plan after merging');
  assert.match(await mainText(page), /Actions regroupées en une seule/);
  await page.locator('input[name="action"]').last().check();
  await submit(page, 'Écarter la sélection', 'plan after discarding');
  // The merged action is accepted by merging it; the discarded one is gone.
  assert.equal(await page.locator('input[name="action"]').count(), proposed - 3);

  // Edit the first: a due date before its start is refused, the typed title kept.
  await navigate(page, () => page.getByRole('link', { name: /^Modifier l'action/ }).first().click(), 'action form');
  const title = 'Accueillir chaque nouveau salarié en binôme';
  await page.fill('#title', title);
  await page.fill('#starts_on', parisDate(0));
  await page.fill('#due_on', parisDate(-3));
  await submit(page, "Enregistrer l'action", 'action form with an error');
  assert.match(await mainText(page), /Indiquez une date d'échéance postérieure au début de l'action/);
  assert.equal(await page.inputValue('#title'), title, 'what was typed is kept');
  await page.fill('#due_on', parisDate(3));
  const thomas = await page.$eval('#responsible', (s) => [...s.options].find((o) => o.textContent.includes('Thomas')).value);
  await page.selectOption('#responsible', thomas);
  await page.selectOption('#status', 'in_progress');
  await page.fill('#progress', '20');
  await submit(page, "Enregistrer l'action", 'plan after editing');
  assert.match(await mainText(page), /Action enregistrée/);

  page.once('dialog', (dialog) => dialog.accept());
  await submit(page, 'Valider le plan', 'plan validated');
  assert.match(await mainText(page), /Plan validé : le suivi commence/);
  assert.equal(await page.locator('input[name="action"]').count(), 0, 'no proposal left');

  // An action added by hand, and the plan's objectives.
  await follow(page, 'Ajouter une action', 'new action form');
  await page.fill('#title', 'Afficher le plan dans la salle de pause');
  await page.fill('#due_on', parisDate(60));
  await submit(page, "Enregistrer l'action", 'plan after adding an action');
  assert.match(await mainText(page), /Afficher le plan dans la salle de pause/);
  await page.locator('summary', { hasText: 'Calendrier et objectifs du plan' }).click();
  await page.fill('#objective_one_year', "Former toute l'équipe encadrante");
  await submit(page, 'Enregistrer', 'plan after saving its objectives');
  assert.match(await mainText(page), /Plan enregistré/);
  assert.match(await mainText(page), /Former toute l'équipe encadrante/);

  // The plan as a workbook, downloaded as a person would.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tout le classeur (XLSX)', exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^cap-\d+-campagne\.xlsx$/);
  const file = await download.path();
  const bytes = require('node:fs').readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX file');

  // Sent back unchanged, the workbook is checked and changes nothing.
  await follow(page, 'Renvoyer le plan modifié (XLSX)', 'plan import form');
  await page.setInputFiles('#file', file);
  await submit(page, 'Vérifier et mettre à jour', 'plan import report');
  assert.match(await mainText(page), /Le fichier ne change rien au plan/);
  await follow(page, 'Plan de progrès', 'plan after the import report');

  // The board, on a phone.
  const phone = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true });
  await signIn(phone, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  const planPath = new URL(page.url()).pathname;
  await visit(phone, server, `${planPath}?view=board`, 'board on a phone');
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no horizontal scroll');
  const card = phone.locator('#col-todo').locator('xpath=..').locator('li.board__card').first();
  const moved = await card.locator('strong').innerText();
  await card.locator('select[name="status"]').selectOption('done');
  await navigate(phone, () => card.getByRole('button').click(), 'board after moving an action');
  assert.match(await mainText(phone), /Action enregistrée/);
  const doneColumn = await phone.locator('#col-done').locator('xpath=..').innerText();
  assert.match(doneColumn, new RegExp(moved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // The reminder leaves within seconds (the scheduler runs every 2 s in this test).
  const deadline = Date.now() + 20_000;
  let reminder;
  while (!reminder && Date.now() < deadline) {
    reminder = readOutbox(server.outbox).find((m) => (m.headers.to || '').includes('referent.nord@demo.cap') && m.text.includes(title));
    if (!reminder) await page.waitForTimeout(300);
  }
  assert.ok(reminder, 'a reminder about the action due in 3 days is in the outbox');
  assert.match(reminder.text, /arrive à échéance/);

  // The mid-term checkpoint re-rates the targeted indicators.
  await follow(page, "Point d'étape", 'checkpoint');
  const level = page.locator('select[name^="level."]').first();
  await level.selectOption('4');
  await submit(page, "Enregistrer le point d'étape", 'checkpoint saved');
  assert.match(await mainText(page), /Point d'étape enregistré/);
  assert.match(await mainText(page), /\d+ indicateurs? notés?/);
  await checkA11y(page, 'checkpoint after saving');

  // The accompaniment day: planned a month ahead, then concluded once held, with the plan's
  // horizon and checkpoint; the decision reaches the coordinator by e-mail, offers by name.
  const isoIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await follow(page, 'Auto-évaluation 2026', 'campaign page');
  await follow(page, "Journée d'accompagnement", 'accompaniment day form');
  await page.fill('#held_on', isoIn(30));
  await page.fill('#place', 'Locaux de la délégation, Lille');
  await submit(page, 'Enregistrer la préparation', 'accompaniment day planned');
  assert.match(await mainText(page), /La préparation de la journée est enregistrée/);
  assert.match(await mainText(page), /Journée prévue/);
  await page.fill('#held_on', isoIn(-1));
  await page.fill('#attendees', 'Thomas (référent), Karim (tiers)');
  await page.fill('#conclusions', 'Le plan est réaliste ; un appui sur la sécurité est utile.');
  await page.check('#decision-further');
  await page.locator('input[name="offer"]').evaluateAll((boxes) => boxes.forEach((b) => { b.checked = false; }));
  await submit(page, 'Conclure la journée', 'accompaniment form with an error');
  assert.match(await mainText(page), /Cochez au moins une offre de services/);
  assert.equal(await page.inputValue('#attendees'), 'Thomas (référent), Karim (tiers)', 'what was typed is kept');
  const offer = page.locator('input[name="offer"]').first();
  const offerName = (await page.locator(`label[for="${await offer.getAttribute('id')}"]`).innerText()).trim();
  await offer.check();
  await submit(page, 'Conclure la journée', 'accompaniment day concluded');
  let text = await mainText(page);
  assert.match(text, /La journée est conclue/);
  assert.match(text, /Un accompagnement complémentaire est convenu/);
  assert.ok(text.includes(offerName), `the offer by name: ${offerName}`);
  assert.match(text, /Plan à mener d'ici le/);
  const decision = readOutbox(server.outbox).find((m) => (m.headers.to || '').includes('referent.nord@demo.cap') && m.text.includes('a été conclue pour'));
  assert.ok(decision, 'the coordinator receives the decision');
  assert.ok(decision.text.includes(offerName), 'the e-mail names the offer');
  await follow(page, 'Auto-évaluation 2026', 'campaign page with the decision');
  text = await mainText(page);
  assert.ok(text.includes(offerName), 'the campaign page names the offer');
});
