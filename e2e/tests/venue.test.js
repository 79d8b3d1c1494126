'use strict';
// A workshop day at a venue without internet, on a laptop, brought back to the federation's
// server: the coordinator takes the campaign out (a mistake in the days told beside the field),
// a second Cap runs it as `cap venue FILE` on its own database, five phones vote in a workshop
// there while the same indicator's shared answer changes on the server; the results come back,
// a changed file is refused with its reason, the conflict is shown side by side and nothing is
// written before it is decided; the same file again changes nothing. A bundle whose validity
// ended does not start.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');
const { startServer, CAP_BIN } = require('../lib/server');

const { journey } = suite({ demo: true });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true };
const RESET_LINK = /http:\/\/127\.0\.0\.1:\d+\/password\/reset\/[A-Za-z0-9_-]+/;

/** Clicks `name` and saves the file it downloads to `to`; the page stays where it is. */
async function download(page, name, to) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole(name.role, { name: name.text }).click()]);
  await file.saveAs(to);
  return fs.readFileSync(to, 'utf8');
}

/** Opens a workshop on the pillar SR of the campaign page shown, and returns its console's code. */
async function openWorkshop(page, label) {
  await page.selectOption('#workshop-pillar', 'SR');
  await submit(page, 'Ouvrir un atelier', label);
  return (await page.locator('.workshop__code').first().innerText()).trim();
}

/** Shows the votes on the console and records `level` as the level the room agreed on. */
async function record(page, level, label) {
  await submit(page, 'Montrer les votes', `${label}, votes shown`);
  await page.locator(`label[for="agreed-${level}"]`).click();
  await submit(page, 'Enregistrer le niveau retenu', label);
  assert.match(await mainText(page), /Niveau retenu enregistré/);
}

journey('a workshop day on a laptop at the venue comes back to the server, the conflict decided', async ({ server, newPage }) => {
  const files = fs.mkdtempSync(path.join(server.dir, 'fichiers-'));

  // Taking the campaign out, the day before.
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await visit(coordinator, server, '/campaigns/1', 'the campaign page');
  await follow(coordinator, 'Préparer une journée sur place, hors connexion', 'the venue page');
  await coordinator.fill('#days', 'trois');
  const refused = await submit(coordinator, 'Télécharger le fichier de la campagne', 'days refused');
  assert.equal(refused.status(), 422);
  assert.match(await coordinator.locator('.field-error').innerText(), /entre 1 et 60/);
  assert.equal(await coordinator.inputValue('#days'), 'trois', 'what was typed is kept');
  await coordinator.fill('#days', '3');
  const bundlePath = path.join(files, 'campagne.json');
  const bundle = await download(coordinator, { role: 'button', text: 'Télécharger le fichier de la campagne' }, bundlePath);
  assert.equal(JSON.parse(bundle).cap_venue, 'bundle');

  // A bundle whose validity ended does not start, and says why.
  const expired = JSON.parse(bundle);
  const payload = JSON.parse(expired.payload);
  payload.expires_at = 1_000_000;
  expired.payload = JSON.stringify(payload);
  const expiredPath = path.join(files, 'perime.json');
  fs.writeFileSync(expiredPath, JSON.stringify(expired));
  let message = '';
  try {
    execFileSync(CAP_BIN, ['venue', expiredPath, '--addr', '127.0.0.1:0'], { cwd: files, stdio: 'pipe' });
  } catch (error) {
    message = String(error.stderr);
  }
  assert.match(message, /ne valait que jusqu'au/, message);

  // The laptop at the venue: its own database, the coordinator signs in with the printed link.
  const venue = await startServer({ venueBundle: bundlePath });
  try {
    const link = venue.stdout().match(RESET_LINK);
    assert.ok(link, venue.stdout());
    assert.match(venue.stdout(), /téléphones/i);
    const laptop = await newPage();
    await visit(laptop, venue, link[0], 'the venue copy: choosing a password');
    await laptop.fill('#password', 'une phrase pour la journée');
    await laptop.fill('#confirmation', 'une phrase pour la journée');
    await submit(laptop, 'Enregistrer le mot de passe', 'the venue copy: sign-in');
    await signIn(laptop, venue, 'referente@demo.cap', 'une phrase pour la journée');
    await visit(laptop, venue, '/campaigns/1', 'the campaign on the venue copy');
    assert.match(await laptop.locator('.venue-banner').innerText(), /Copie pour une journée sur place/);

    // Five phones on the venue's Wi-Fi vote; the room agrees on level 4.
    const code = await openWorkshop(laptop, 'the workshop at the venue');
    for (let i = 0; i < 5; i += 1) {
      const phone = await newPage(PHONE);
      await visit(phone, venue, `/w?code=${code.toLowerCase()}`, `phone ${i + 1} joins`);
      await phone.fill('#first_name', `Voix ${i + 1}`);
      await phone.selectOption('#college', i < 3 ? 'volunteer' : 'insertion_employee');
      await submit(phone, 'Rejoindre', `phone ${i + 1} in the room`);
      await navigate(phone, () => phone.locator(`label[for="vote-${i < 4 ? 4 : 3}"]`).click(), `phone ${i + 1} votes`);
      await phone.locator('[role="status"]').filter({ hasText: 'Vote enregistré' }).waitFor();
    }
    await record(laptop, 4, 'level 4 agreed at the venue');

    // Meanwhile, on the server, the same indicator's shared answer is set to 1.
    await visit(coordinator, server, '/campaigns/1', 'the campaign on the server');
    await openWorkshop(coordinator, 'a workshop on the server');
    await record(coordinator, 1, 'level 1 recorded on the server');

    // End of the day: the results leave the laptop.
    await visit(laptop, venue, '/campaigns/1/venue', 'the venue page on the laptop');
    assert.match(await mainText(laptop), /Cet ordinateur fait tourner une copie de la campagne/);
    const resultsPath = path.join(files, 'resultats.json');
    const results = await download(laptop, { role: 'link', text: 'Télécharger les résultats' }, resultsPath);
    assert.equal(JSON.parse(results).cap_venue, 'results');
  } finally {
    await venue.stop();
  }

  // Back at the federation: a changed file is refused whole, with its reason.
  await visit(coordinator, server, '/campaigns/1/venue', 'the venue page on the server');
  const tamperedPath = path.join(files, 'modifie.json');
  const original = fs.readFileSync(path.join(files, 'resultats.json'), 'utf8');
  fs.writeFileSync(tamperedPath, original.replace('\\"workshops\\":1', '\\"workshops\\":7'));
  assert.notEqual(fs.readFileSync(tamperedPath, 'utf8'), original, 'the copy was changed');
  await coordinator.setInputFiles('#file', tamperedPath);
  const tampered = await submit(coordinator, 'Vérifier les résultats', 'a changed file refused');
  assert.equal(tampered.status(), 422);
  assert.match(await coordinator.locator('.error-summary').innerText(), /signature ne correspond pas/);

  await coordinator.setInputFiles('#file', path.join(files, 'resultats.json'));
  await submit(coordinator, 'Vérifier les résultats', 'the review of the results');
  const review = await mainText(coordinator);
  assert.match(review, /1 réponse changée des deux côtés/);
  assert.match(review, /ateliers tenus sur place : 1/);
  const conflict = coordinator.locator('fieldset', { hasText: 'réponse commune' });
  assert.match(await conflict.innerText(), /Sur le serveur\s*1 — Pas encore engagé\s*Sur place\s*4 — Maîtrisé et amélioré/);
  const code = (await conflict.locator('legend code').innerText()).trim();
  assert.match(code, /^SR\./);

  const undecided = await submit(coordinator, 'Importer les résultats', 'nothing decided yet');
  assert.equal(undecided.status(), 422);
  assert.match(await coordinator.locator('.error-summary').innerText(), /Choisissez une réponse/);
  await conflict.getByLabel('Prendre la réponse du lieu').check();
  await submit(coordinator, 'Importer les résultats', 'results imported');
  assert.match(await mainText(coordinator), /Résultats du lieu importés/);
  assert.match(await mainText(coordinator), /importés le/);

  // The same file again: already imported, nothing changes.
  await coordinator.setInputFiles('#file', path.join(files, 'resultats.json'));
  await submit(coordinator, 'Vérifier les résultats', 'the same results again');
  assert.match(await mainText(coordinator), /importés le/);
  assert.equal(await coordinator.getByRole('button', { name: 'Importer les résultats' }).count(), 0, 'nothing left to import');
  // Set against the server now, the venue's answer is the server's: the same already.
  const row = coordinator.locator('tbody tr', { hasText: code });
  assert.match(await row.innerText(), /4 — Maîtrisé et amélioré\s*4 — Maîtrisé et amélioré\s*déjà identique/);
});
