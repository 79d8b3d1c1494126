'use strict';
// The démarche as a member runs it (« nous avons choisi de travailler sur le thème 2 … deux dates
// ont été fixées pour les 3 thèmes restants, et une autre pour la restitution »): « Services
// rendus » consolidated first with its own photographie, the three other pillars at the two later
// sessions of the calendar, the accompaniment day recorded against its session and read back from
// its .ics file, then the restitution on the projector.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

const isoIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const CODES = { 'Services rendus': 'SR', Identité: 'ID', Supports: 'SU', 'Amélioration continue et évaluation': 'AC' };

journey('pillar by pillar from the calendar, the accompaniment day, then the restitution', async ({ server, newPage }) => {
  const page = await newPage();
  // Moving a pillar on asks for confirmation: the coordinator confirms.
  page.on('dialog', (dialog) => dialog.accept());
  await signIn(page, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Atelier du Lac', 'organisation page');
  await follow(page, 'Auto-évaluation 2026', 'demo campaign page');
  const campaignPath = new URL(page.url()).pathname;

  // The calendar Cap proposed: « Services rendus » first, the others at two later sessions.
  const sessions = page.locator('li.timeline__item', { hasText: 'Séance de travail' });
  assert.equal(await sessions.count(), 3, 'three working sessions');
  const pillarsOf = async (i) => (await sessions.nth(i).locator('p', { hasText: /^Piliers : / }).innerText())
    .replace(/^Piliers : /, '')
    .split(', ')
    .map((named) => named.replace(/ \([^)]*\)$/, ''));
  assert.deepEqual(await pillarsOf(0), ['Services rendus']);
  const later = [await pillarsOf(1), await pillarsOf(2)];
  assert.deepEqual(later.flat().sort(), ['Amélioration continue et évaluation', 'Identité', 'Supports']);
  assert.match(await sessions.nth(1).innerText(), /Identité \(en réponses\)/, 'each pillar says where it stands');

  // First session: « Services rendus » goes to consolidation, the others stay open.
  await submit(page, 'Passer « Services rendus » en consolidation', 'services rendered in consolidation');
  assert.match(await mainText(page), /Le pilier est passé à l'étape suivante/);
  const row = (name) => page.locator('tr', { hasText: name }).first();
  assert.match(await row('Services rendus').innerText(), /En consolidation/);
  assert.match(await row('Identité').innerText(), /En réponses/);
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Auto-évaluation/, 'the campaign still answers');

  // The shared answer of one indicator, decided from the consolidation list.
  await visit(page, server, `${campaignPath}/consolidation`, 'consolidation of the services rendered');
  const listed = await page.locator('table tbody tr').allInnerTexts();
  assert.ok(listed.length > 0 && listed.every((r) => r.includes('SR.')), 'only the pillar in consolidation is listed');
  assert.match(await mainText(page), /Encore en réponses, à consolider plus tard : Identité/);
  // The room agrees on a pillar's first indicator at its session.
  const decide = async (pillar) => {
    await visit(page, server, `${campaignPath}/consolidation/${CODES[pillar]}.1.1.a`, `an indicator of ${pillar} to decide`);
    await page.check('#value-3');
    await page.fill('#rationale', 'Décidé ensemble à la séance du pilier');
    await submit(page, 'Enregistrer la réponse partagée', `shared answer of ${pillar} saved`);
  };
  await decide('Services rendus');
  await visit(page, server, campaignPath, 'campaign page');
  await submit(page, 'Terminer la consolidation de « Services rendus »', 'services rendered consolidated');
  assert.match(await row('Services rendus').innerText(), /Consolidé/);

  // Its own photographie, with the pillars still to come named.
  await visit(page, server, `${campaignPath}/results`, 'photographie of the services rendered');
  const scores = await page.locator('section[aria-labelledby="pillars-title"] tbody').innerText();
  assert.match(scores, /Services rendus/);
  assert.doesNotMatch(scores, /Identité|Supports/, 'pillars still answered are not scored');
  assert.match(await page.locator('.pillar-progress').innerText(), /À venir[\s\S]*Identité, Supports, Amélioration continue et évaluation/);

  // The two later sessions: their pillars, then the next ones.
  for (const group of later) {
    await visit(page, server, campaignPath, 'campaign page at a later session');
    for (const pillar of group) {
      await submit(page, `Passer « ${pillar} » en consolidation`, `${pillar} in consolidation`);
    }
    for (const pillar of group) await decide(pillar);
    await visit(page, server, campaignPath, 'campaign page after the session');
    for (const pillar of group) {
      await submit(page, `Terminer la consolidation de « ${pillar} »`, `${pillar} consolidated`);
      assert.match(await row(pillar).innerText(), /Consolidé/);
    }
  }
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Consolidation/, 'no pillar left to answer');
  assert.match(await sessions.nth(2).innerText(), /\(consolidé\)/);
  await visit(page, server, `${campaignPath}/results`, 'photographie of every pillar');
  const all = await page.locator('section[aria-labelledby="pillars-title"] tbody tr').count();
  assert.equal(all, 4, 'the photographie filled in, pillar by pillar');
  assert.equal(await page.locator('.pillar-progress').count(), 0, 'nothing left to come');

  // The accompaniment day, recorded against its session.
  await visit(page, server, campaignPath, 'campaign page before the accompaniment day');
  const day = page.locator('li.timeline__item', { hasText: "Journée d'accompagnement" });
  await navigate(page, () => day.getByRole('link', { name: "Compte rendu de la journée d'accompagnement" }).click(), 'accompaniment day form');
  await page.fill('#held_on', isoIn(20));
  await submit(page, 'Enregistrer la préparation', 'accompaniment day planned');
  assert.match(await mainText(page), /La préparation de la journée est enregistrée/);
  await page.fill('#held_on', isoIn(-1));
  await page.fill('#attendees', 'Claire (référente), la déléguée régionale');
  await page.fill('#conclusions', 'Le plan est réaliste ; nous avançons seuls.');
  await page.check('#decision-alone');
  await submit(page, 'Conclure la journée', 'accompaniment day concluded');
  assert.match(await mainText(page), /La journée est conclue/);
  await visit(page, server, campaignPath, 'campaign page with the day recorded');
  assert.match(await day.innerText(), /Décision :/, 'the decision sits on its session');

  // Its invitation read back as an agenda reads it.
  const href = await day.getByRole('link', { name: /^Ajouter à mon agenda/ }).getAttribute('href');
  const file = await page.request.get(server.url(href));
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-type'], /^text\/calendar/);
  const ics = (await file.text()).replace(/\r\n[ \t]/g, '');
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, 1);
  assert.match(ics, /SUMMARY:[^\r\n]*accompagnement/i);
  assert.match(ics, /LOCATION:Maison des associations\\?, 12 rue du Port\\?, Annecy/);

  // The restitution on the projector, moved on with the keyboard.
  const wall = await newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server, 'referente@demo.cap', DEMO_PASSWORD);
  await visit(wall, server, campaignPath, 'campaign page on the wall');
  await follow(wall, 'Restitution sur grand écran', 'restitution, first screen');
  assert.equal(await wall.locator('h1').innerText(), 'Notre photographie');
  await navigate(wall, () => wall.keyboard.press('ArrowRight'), 'restitution, second screen');
  assert.match(await wall.locator('.restitution__where').innerText(), /Écran 2 sur \d+/);
});
