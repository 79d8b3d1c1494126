'use strict';
// A campaign's calendar as members run their démarche: the coordinator finds the sessions Cap
// proposed, adds a workshop (a mistake told beside its field, what was typed kept), moves it, and
// gives the whole calendar to agendas; a participant on a phone sees the next session on their
// home page and cannot change the calendar.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a coordinator keeps the calendar of sessions and a participant sees the next one', async ({ server, newPage }) => {
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Atelier du Lac', 'organisation page');
  await follow(coordinator, 'Auto-évaluation 2026', 'demo campaign page');
  const campaignPath = new URL(coordinator.url()).pathname;
  const calendar = coordinator.locator('ol.timeline');
  assert.match(await calendar.innerText(), /Présentation de la démarche[\s\S]*Passée/, 'the presentation is past');
  assert.match(await calendar.innerText(), /Journée d'accompagnement/);
  assert.match(await calendar.innerText(), /Compte rendu : la déléguée régionale/);

  // A workshop on the services rendered: the end typed before the start is told beside it.
  await follow(coordinator, 'Ajouter une séance', 'new meeting form');
  await coordinator.selectOption('#kind', 'workshop');
  await coordinator.fill('#on', '16/03/2027');
  await coordinator.fill('#starts', '14:00');
  await coordinator.fill('#ends', '10:00');
  await coordinator.fill('#place', 'Salle des fêtes de Sévrier');
  await coordinator.check('#pillar-SR');
  await submit(coordinator, 'Enregistrer la séance', 'meeting form with a mistake');
  assert.match(await coordinator.locator('.error-summary').innerText(), /La fin doit venir après le début/);
  assert.equal(await coordinator.inputValue('#place'), 'Salle des fêtes de Sévrier', 'what was typed is kept');
  assert.equal(await coordinator.isChecked('#pillar-SR'), true);
  await coordinator.fill('#ends', '17:00');
  await submit(coordinator, 'Enregistrer la séance', 'campaign page after adding a meeting');
  assert.equal(new URL(coordinator.url()).pathname, campaignPath);
  assert.match(await mainText(coordinator), /Séance enregistrée/);
  const workshop = coordinator.locator('li.timeline__item', { hasText: 'mardi 16 mars 2027' });
  assert.match(await workshop.innerText(), /Atelier[\s\S]*de 14:00 à 17:00 · Salle des fêtes de Sévrier[\s\S]*Services rendus/);

  // Moved to the morning, from its own page.
  await navigate(coordinator, () => workshop.getByRole('link', { name: /^Modifier la séance du mardi 16 mars 2027/ }).click(), 'edit meeting form');
  assert.equal(await coordinator.inputValue('#on'), '16/03/2027', 'the day as people type it');
  await coordinator.fill('#starts', '09:00');
  await coordinator.fill('#ends', '12:00');
  await submit(coordinator, 'Enregistrer la séance', 'campaign page after moving the meeting');
  assert.match(await coordinator.locator('li.timeline__item', { hasText: 'mardi 16 mars 2027' }).innerText(), /de 09:00 à 12:00/);

  // The whole calendar for an agenda: every session, the workshop at 08:00 UTC.
  const href = await coordinator.getByRole('link', { name: 'Tout le calendrier dans mon agenda' }).getAttribute('href');
  const file = await coordinator.request.get(server.url(href));
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-type'], /^text\/calendar/);
  const ics = await file.text();
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, await coordinator.locator('li.timeline__item').count());
  assert.match(ics, /DTSTART:20270316T080000Z/);

  // A participant on a phone: the next session on the home page, the calendar read-only.
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await signIn(phone, server, 'salarie.parcours@demo.cap', DEMO_PASSWORD);
  assert.match(await mainText(phone), /Prochaine séance : Séance de travail, \S+ \d+ \S+ \d{4}, de 09:30 à 12:30/);
  await visit(phone, server, campaignPath, 'campaign page on a phone');
  assert.equal(await phone.getByRole('link', { name: 'Ajouter une séance' }).count(), 0, 'participants only read the calendar');
  assert.equal(await phone.getByRole('link', { name: /^Modifier la séance/ }).count(), 0);
  assert.ok((await phone.getByRole('link', { name: /^Ajouter à mon agenda la séance du / }).count()) > 0);
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no horizontal scroll');
});
