'use strict';
// A coordinator prepares a campaign on one pillar and opens it; a participant answers on a phone,
// each choice saved at once; the same answer changed on another device is never overwritten.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, signOut, mainText, checkA11y, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a coordinator opens a campaign and a participant answers with autosave', async ({ server, newPage }) => {
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Atelier du Lac', 'organisation page');
  await follow(coordinator, 'Nouvelle campagne', 'new campaign form');
  await coordinator.fill('#answering_from', '01/02/2027');
  await submit(coordinator, 'Créer la campagne', 'campaign page');
  assert.match(new URL(coordinator.url()).pathname, /^\/campaigns\/\d+$/);
  const campaignPath = new URL(coordinator.url()).pathname;
  assert.match(await mainText(coordinator), /Campagne créée/);

  for (const pillar of ['ID', 'SU', 'AC']) await coordinator.uncheck(`#pillar-${pillar}`);
  await submit(coordinator, 'Enregistrer les piliers', 'campaign page after scope');
  assert.match(await mainText(coordinator), /Piliers enregistrés/);

  const jean = await coordinator.$eval('#user', (select) => [...select.options].find((o) => o.textContent.includes('benevole@demo.cap')).value);
  await coordinator.selectOption('#user', jean);
  await coordinator.selectOption('#college', 'volunteer');
  await submit(coordinator, 'Ajouter un·e participant·e', 'campaign page after adding a participant');
  assert.match(await mainText(coordinator), /Jean Morel/);

  coordinator.once('dialog', (dialog) => dialog.accept());
  await submit(coordinator, 'Passer à : Auto-évaluation', 'campaign page, answers open');
  assert.match(await mainText(coordinator), /La campagne est passée à l'étape suivante/);
  await signOut(coordinator);

  // The participant, on a phone.
  const phone = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true });
  await signIn(phone, server, 'benevole@demo.cap', DEMO_PASSWORD);
  await visit(phone, server, campaignPath, 'campaign page for the participant');
  await follow(phone, 'Commencer à répondre', 'first answering page');
  assert.match(new URL(phone.url()).pathname, /\/answer\/1$/);
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no horizontal scroll');

  const first = phone.locator('fieldset[data-code]').first();
  const code = await first.getAttribute('data-code');
  assert.match(code, /^SR\./, 'only the chosen pillar');
  // The statement in easy-to-read words is one tap away, then the help on how to rate.
  await first.locator('.answer__easy summary').click();
  assert.match(await first.locator('.answer__easy p').innerText(), /^Nous /);
  await first.locator('.answer__help summary').click();
  await first.locator(`label[for="v-${code}-3"]`).click();
  await first.locator('[data-state]').filter({ hasText: 'Enregistré' }).waitFor();
  await first.locator(`#c-${CSS_escape(code)}`).fill('Nous le faisons avec chaque client.');
  await phone.waitForTimeout(1500);
  await checkA11y(phone, 'answering page after autosave');

  await navigate(phone, () => phone.reload(), 'answering page reloaded');
  assert.equal(await phone.isChecked(`#v-${CSS_escape(code)}-3`), true, 'the choice was saved');
  assert.equal(await phone.inputValue(`#c-${CSS_escape(code)}`), 'Nous le faisons avec chaque client.');

  // The same person changes the answer on a desktop; the phone's page is now stale.
  const desktop = await newPage();
  await signIn(desktop, server, 'benevole@demo.cap', DEMO_PASSWORD);
  await visit(desktop, server, `${campaignPath}/answer/1`, 'answering page on a desktop');
  await desktop.locator(`label[for="v-${code}-4"]`).click();
  await desktop.locator('fieldset[data-code]').first().locator('[data-state]').filter({ hasText: 'Enregistré' }).waitFor();

  await phone.locator(`label[for="v-${code}-1"]`).click();
  const state = phone.locator('fieldset[data-code]').first().locator('[data-state]');
  await state.filter({ hasText: 'modifiée ailleurs' }).waitFor();
  assert.match(await state.innerText(), /4 — /, 'the phone shows what the desktop saved');
  await checkA11y(phone, 'answering page with a conflict');

  // Choosing again replaces it knowingly.
  await phone.locator(`label[for="v-${code}-2"]`).click();
  await state.filter({ hasText: 'Enregistré' }).waitFor();
  await visit(desktop, server, `${campaignPath}/answer/1`, 'answering page on the desktop, reloaded');
  assert.equal(await desktop.isChecked(`#v-${CSS_escape(code)}-2`), true);

  // The coordinator moves to consolidation and records the shared answer.
  const coord = await newPage();
  await signIn(coord, server, 'referente@demo.cap', DEMO_PASSWORD);
  await visit(coord, server, campaignPath, 'campaign page before consolidation');
  coord.once('dialog', (dialog) => dialog.accept());
  await submit(coord, 'Passer à : Consolidation', 'campaign page in consolidation');
  await follow(coord, 'Consolidation', 'consolidation list');
  assert.match(await mainText(coord), /indicateurs? décidés? sur/);
  await navigate(coord, () => coord.locator(`a[href$="/consolidation/${code}"]`).click(), 'consolidation of one indicator');
  assert.match(await mainText(coord), /Nous le faisons avec chaque client/);
  await coord.locator('label[for="value-2"]').click();
  await submit(coord, 'Enregistrer la réponse partagée', 'consolidation list after a decision');
  assert.match(await mainText(coord), /Réponse partagée enregistrée/);
});

/** Codes contain dots, which CSS selectors need escaped. */
function CSS_escape(code) {
  return code.replace(/\./g, '\\.');
}

journey('a participant on a phone goes from the home page to a recorded answer in two taps', async ({ server, newPage }) => {
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await signIn(phone, server, 'salarie.parcours@demo.cap', DEMO_PASSWORD);
  const home = await mainText(phone);
  assert.match(home, /À répondre/);
  assert.match(home, /Atelier du Lac/);
  assert.match(home, /Réponses données : 0 sur \d+/);
  let taps = 0;
  await navigate(phone, () => phone.getByRole('link', { name: /^Commencer à répondre/ }).first().click(), 'first answering page');
  taps += 1;
  const first = phone.locator('fieldset[data-code]').first();
  const code = await first.getAttribute('data-code');
  // The compact header leaves the screen to the question: its statement and every choice are in
  // view above the buttons kept at the thumb, without scrolling; every target is at least 44 px.
  const header = await phone.locator('header.site-header').boundingBox();
  assert.ok(header.height <= 80, `the header is ${header.height} px high`);
  const bar = await phone.locator('.answer-actions').boundingBox();
  assert.ok(bar.y + bar.height <= 740 && bar.y >= 600, `the buttons sit at the bottom (${bar.y} px)`);
  const legend = await first.locator('legend').boundingBox();
  assert.ok(legend.y >= 0, `the statement starts at ${legend.y} px`);
  const choices = await first.locator('.choices label').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON()));
  assert.ok(choices.length >= 4);
  for (const c of choices) {
    assert.ok(c.bottom <= bar.y, `a choice ends at ${c.bottom} px, under the buttons at ${bar.y} px`);
    assert.ok(c.height >= 44, `a choice is ${c.height} px high`);
  }
  for (const b of await phone.locator('.answer-actions .button').evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().height))) {
    assert.ok(b >= 44, `a button is ${b} px high`);
  }
  await first.locator(`label[for="v-${code}-2"]`).click();
  taps += 1;
  await first.locator('[data-state]').filter({ hasText: 'Enregistré' }).waitFor();
  assert.ok(taps <= 3, `${taps} taps from the home page to a recorded answer`);
  await checkA11y(phone, 'answering page after the first answer');

  // By keyboard alone: the arrows choose on the second question, which saves; Enter on the main
  // button goes on; the menu opens from its button and Escape closes it.
  const second = phone.locator('fieldset[data-code]').nth(1);
  const secondCode = await second.getAttribute('data-code');
  await second.locator('input[type="radio"]').first().focus();
  await phone.keyboard.press('Space');
  await phone.keyboard.press('ArrowDown');
  await second.locator('[data-state]').filter({ hasText: 'Enregistré' }).waitFor();
  assert.equal(await second.locator('input[type="radio"]:checked').count(), 1, `${secondCode} answered by keyboard`);
  await phone.locator('.answer-actions button[type="submit"]').focus();
  await navigate(phone, () => phone.keyboard.press('Enter'), 'the next answering page, by keyboard');
  assert.match(new URL(phone.url()).pathname, /\/answer\/2$/);
  const menu = phone.getByRole('button', { name: 'Menu' });
  assert.equal(await phone.locator('.site-nav').isVisible(), false, 'the menu is folded on a phone');
  await menu.focus();
  await phone.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.equal(await phone.locator('.site-nav').isVisible(), true, 'the menu opens');
  await phone.keyboard.press('Escape');
  assert.equal(await phone.locator('.site-nav').isVisible(), false, 'Escape folds it');
  assert.equal(await menu.evaluate((b) => b === document.activeElement), true, 'focus back on the button');
  await visit(phone, server, '/', 'home page after one answer');
  assert.match(await mainText(phone), /Réponses données : 2 sur \d+/);
  assert.equal(await phone.getByRole('link', { name: /^Reprendre mes réponses/ }).count(), 1);

  // The same pages in English, from the menu's language switch: axe finds nothing there either.
  await phone.getByRole('button', { name: 'Menu' }).click();
  await navigate(phone, () => phone.getByRole('button', { name: 'English' }).click(), 'home page in English');
  assert.match(await mainText(phone), /To answer/i);
  await navigate(phone, () => phone.getByRole('link', { name: /^(Resume|Start)/ }).first().click(), 'answering page in English');
  assert.match(await mainText(phone), /Pillar « .+ » · page \d+ of \d+/);
  assert.equal(await phone.locator('.levels-toggle').first().innerText(), 'Show what each level means');
});

journey('every page a participant reaches is accessible in English too, on a phone', async ({ server, newPage }) => {
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await signIn(phone, server, 'salarie.parcours@demo.cap', DEMO_PASSWORD);
  // The language is the account's: an earlier journey may have left it in English already.
  await phone.getByRole('button', { name: 'Menu' }).click();
  const english = phone.getByRole('button', { name: 'English' });
  if (await english.count()) await navigate(phone, () => english.click(), 'home page in English');
  else await phone.keyboard.press('Escape');
  const menu = await phone.locator('.site-nav a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  const start = await phone.getByRole('link', { name: /^(Resume|Start)/ }).first().getAttribute('href');
  const campaign = start.match(/^\/campaigns\/\d+/)[0];
  const pages = [...new Set([...menu, campaign, `${campaign}/answer/1`, `${campaign}/voice`, '/account', '/account/tokens', '/w'])];
  assert.ok(pages.length >= 6, `pages visited: ${pages.join(', ')}`);
  // `visit` runs axe on each page; each must be in English and fit the phone's width.
  for (const path of pages) {
    const response = await visit(phone, server, path, `participant page ${path} in English`);
    assert.equal(response.status(), 200, `${path} opens`);
    assert.equal(await phone.evaluate(() => document.documentElement.lang), 'en', `${path} is in English`);
    assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), true, `no horizontal scroll on ${path}`);
  }
});
