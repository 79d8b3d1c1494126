'use strict';
// An administrator uploads a new version of a referential with one mistake, reads the report,
// fixes it, imports it, reads the differences, then explores it: search, a node, its mappings.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

const GUIDE = fs.readFileSync(path.join(__dirname, '..', '..', 'referentials', 'guide-ess.toml'), 'utf8');

function nextVersion() {
  const text = GUIDE.replace('version = "2016"\n', 'version = "2027"\n')
    .replace(/\nlanguage = "fr"\n/, '\nlanguage = "fr"\n');
  // `previous` goes after title_en, as the canonical order wants, and one statement changes.
  const withPrevious = text.replace(/(\ntitle_en = "[^"]*"\n)/, '$1previous = "2016"\n');
  return withPrevious.replace(/(\[\[node\]\]\ncode = "T1\.a"\nkind = "indicator"\nparent = "T1"\nstatement = ")[^"]*(")/, '$1Les adhérent·e·s votent chaque année sur les orientations.$2');
}

journey('an administrator imports a new referential version after fixing a mistake, then explores it', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'admin@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Référentiels', 'referentials list');
  assert.equal(new URL(page.url()).pathname, '/referentials');
  assert.match(await mainText(page), /Exemple fourni avec Cap/);
  await follow(page, 'Importer un référentiel', 'import form');

  const good = nextVersion();
  assert.notEqual(good, GUIDE, 'the new version differs');
  const mistake = good.replace('services = ["', 'services = ["X-INCONNU", "');
  assert.notEqual(mistake, good);
  await page.setInputFiles('#file', { name: 'guide-ess-2027.toml', mimeType: 'text/plain', buffer: Buffer.from(mistake) });
  const refused = await submit(page, 'Vérifier et importer', 'import report with one mistake');
  if (refused) assert.equal(refused.status(), 422);
  const report = page.locator('.error-summary[role="alert"]');
  await report.waitFor();
  const reportText = await report.innerText();
  assert.match(reportText, /1 problème à corriger/);
  assert.match(reportText, /X-INCONNU, qui n'existe pas/);
  assert.match(reportText, /Rien n'a été importé/);

  await page.setInputFiles('#file', { name: 'guide-ess-2027.toml', mimeType: 'text/plain', buffer: Buffer.from(good) });
  await submit(page, 'Vérifier et importer', 'differences after import');
  assert.equal(new URL(page.url()).pathname, '/admin/referentials/diff');
  const diffText = await mainText(page);
  assert.match(diffText, /Référentiel importé\./);
  assert.match(diffText, /Ajoutés : 0 ; retirés : 0 ; modifiés : 1\./);
  assert.match(diffText, /T1\.a/);

  await follow(page, 'Référentiels', 'referentials list after import');
  const links = page.getByRole('link', { name: 'Guide des bonnes pratiques des entreprises de l\'ESS', exact: true });
  assert.equal(await links.count(), 2, 'both versions are listed');
  const href = await links.last().getAttribute('href');
  await visit(page, server, href, 'new version explorer');
  await page.fill('#q', 'assemblée générale');
  await submit(page, 'Rechercher', 'search results');
  assert.match(await mainText(page), /indicateurs? trouvés?/);
  await navigate(page, () => page.locator('main ol.stack a').first().click(), 'node page');
  assert.match(await mainText(page), /Méthodes et moyens indicatifs/);

  // The built-in example: an indicator with its mapping to ISO 9001, and the way back.
  await follow(page, 'Référentiels', 'referentials list again');
  await follow(page, 'Cap — exemple', 'Cap example explorer');
  await page.selectOption('#type', 'AI');
  await page.fill('#q', 'mise à disposition');
  await submit(page, 'Rechercher', 'search for an AI');
  await navigate(page, () => page.locator('main ol.stack a').first().click(), 'indicator page');
  const indicator = await mainText(page);
  assert.match(indicator, /Exemples de preuves/);
  assert.match(indicator, /S'applique à/);
});
