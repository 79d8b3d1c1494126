'use strict';
// The restitution as members hold it: the coordinator shows the photographie to the team on a
// projector, one finding per screen, moving on with the keyboard; a participant then says on
// their phone what surprised them and what they want to work on; the coordinator reads it,
// without names, while building the plan.

const assert = require('node:assert/strict');
const { suite, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a restitution on the projector, then the team’s views reach the plan', async ({ server, newPage }) => {
  const wall = await newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(wall, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(wall, 'Auto-évaluation 2026', 'campaign in consolidation');
  const campaignPath = new URL(wall.url()).pathname;
  await follow(wall, 'Restitution sur grand écran', 'restitution, first screen');
  assert.equal(await wall.locator('h1').innerText(), 'Notre photographie');
  const where = await wall.locator('.restitution__where').innerText();
  const count = Number(where.match(/Écran 1 sur (\d+)/)[1]);
  assert.ok(count >= 5, `${count} screens`);
  assert.equal(await wall.locator('header.site-header').count(), 0, 'no site header on the wall');

  // The keyboard moves on, screen by screen, as a presenter's remote does.
  await navigate(wall, () => wall.keyboard.press('ArrowRight'), 'restitution, second screen');
  assert.match(await wall.locator('.restitution__where').innerText(), new RegExp(`Écran 2 sur ${count}`));
  const chart = await wall.locator('.restitution__chart svg.chart--wide').boundingBox();
  assert.ok(chart && chart.width >= 900, `the chart fills the wall (${chart && chart.width} px)`);
  for (let screen = 3; screen <= count; screen += 1) {
    await navigate(wall, () => wall.keyboard.press(screen % 2 ? 'PageDown' : 'Space'), `restitution, screen ${screen}`);
  }
  assert.equal(await wall.locator('h1').innerText(), 'À vous la parole');
  const qr = await wall.locator('.restitution__qr svg').boundingBox();
  assert.ok(qr.width >= 300, `the QR code is ${qr.width} px wide`);
  assert.equal(await wall.locator('[data-next]').count(), 0, 'the last screen');
  await navigate(wall, () => wall.keyboard.press('ArrowLeft'), 'restitution, back one screen');
  assert.match(await wall.locator('.restitution__where').innerText(), new RegExp(`Écran ${count - 1} sur ${count}`));

  // On a phone, a participant gives their view (an empty answer is told, not lost).
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await signIn(phone, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await navigate(phone, () => phone.goto(server.url(campaignPath)), 'campaign page on a phone');
  await follow(phone, 'Donner mon avis après la restitution', 'voice form');
  await submit(phone, 'Envoyer mon avis', 'voice form, empty');
  assert.match(await phone.locator('.error-summary').innerText(), /Répondez au moins/);
  await phone.fill('#surprised', 'Notre écart sur le suivi des sorties');
  await phone.fill('#work_on', 'Préparer les sorties plus tôt avec chaque personne');
  await submit(phone, 'Envoyer mon avis', 'voice form, saved');
  assert.match(await mainText(phone), /votre avis est enregistré/);
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no horizontal scroll');

  // Building the plan, the coordinator reads what the team said.
  await navigate(wall, () => wall.goto(server.url(`${campaignPath}/plan`)), 'plan page');
  const heard = await wall.locator('section', { hasText: "Ce que l'équipe a dit à la restitution" }).innerText();
  assert.match(heard, /Préparer les sorties plus tôt avec chaque personne/);
});
