'use strict';
// The network's view: a regional delegate reads their region's anonymised figures (hidden cells
// named as such), filters, downloads the CSV and cannot open another region; a group lead
// compares the group's organisations; an organisation compares itself with similar ones.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey("a regional delegate reads their region's anonymised figures", async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Réseau', 'network dashboard');
  let text = await mainText(page);
  assert.match(text, /Le réseau en chiffres/);
  assert.match(text, /Structures dont la campagne est comptée : \d+/);
  assert.match(text, /Scores moyens par thème et objectif/);
  assert.match(text, /masqué/, 'small cells are named as hidden');
  assert.equal(await page.locator('#means-title ~ figure svg[role="img"]:visible').count(), 1, 'the chart that fits the screen, with its table');

  // Filtering by type keeps the region, and hides more.
  await page.selectOption('#org_type', { label: "Atelier et chantier d'insertion" });
  await submit(page, 'Filtrer', 'network filtered by type');
  assert.match(page.url(), /org_type=ACI/);
  text = await mainText(page);
  assert.match(text, /masqué/);

  const download = await page.request.get(server.url('/network/export.csv'));
  assert.equal(download.status(), 200);
  assert.match(await download.text(), /Scores moyens par thème et objectif;/);

  // Another region is not theirs.
  const response = await visit(page, server, '/network?region=1', 'another region refused');
  assert.equal(response.status(), 404);

  // The deployment of their region: a presentation recorded, a member marked informed.
  await visit(page, server, '/deployment', 'deployment of the region');
  assert.match(await mainText(page), /Présentations du programme/);
  assert.match(await mainText(page), /Calais, matinale de l'IAE/);
  await page.fill('#held_on', '2026-10-05');
  await page.fill('#place', 'Arras, forum emploi');
  await page.fill('#audience', 'Directions de SIAE');
  await page.getByLabel('Boulogne Services Solidaires', { exact: true }).check();
  await page.fill('#attendees', '');
  await submit(page, 'Enregistrer la présentation', 'presentation refused without attendees');
  assert.match(await mainText(page), /Indiquez un nombre de participants/);
  assert.equal(await page.inputValue('#place'), 'Arras, forum emploi', 'what was typed is kept');
  assert.ok(await page.getByLabel('Boulogne Services Solidaires', { exact: true }).isChecked(), 'what was ticked is kept');
  await page.fill('#attendees', '19');
  await submit(page, 'Enregistrer la présentation', 'presentation saved');
  assert.match(await mainText(page), /Arras, forum emploi · Directions de SIAE · 19 personnes/);
  assert.match(await mainText(page), /Volontaires pour tester : Boulogne Services Solidaires/);
  // A volunteer from the demo gets the day its test starts.
  const starts = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Test prévu à partir du : Dunkerque Mer et Insertion').fill(starts);
  await submit(page, 'Enregistrer la date : Dunkerque Mer et Insertion', 'test day saved');
  assert.match(await page.locator('tr', { hasText: 'Dunkerque Mer et Insertion' }).innerText(), /Va tester/);
  assert.match(await mainText(page), /5 octobre 2026 · Arras, forum emploi/, 'the day in words');
  assert.match(await mainText(page), /octobre 2026/, 'the month of the timeline in words');
  assert.doesNotMatch(await mainText(page), /\b\d{4}-\d{2}\b/, 'no date in figures');

  // The federation reads the roll-out region by region, with the presentation just recorded,
  // and downloads the same lists for a spreadsheet.
  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  await visit(admin, server, '/deployment', 'deployment of the nation');
  const nation = await mainText(admin);
  assert.match(nation, /Le déploiement, région par région/);
  assert.match(nation, /5 octobre 2026 \(Arras, forum emploi\)/, 'a presentation held, with its day and place');
  assert.match(nation, /Va présenter le Cap\s+.*\(Arras, journée régionale de l'IAE\)/, 'one to come');
  assert.match(nation, /Structures qui vont le tester\s+.*Béthune Ressources \(à partir du .*Dunkerque Mer et Insertion \(à partir du /);
  assert.match(nation, /Structures volontaires pour le tester\s+Boulogne Services Solidaires \(depuis le 5 octobre 2026\)/);
  // A dozen named per list; the rest on the region's page, where every member is listed.
  assert.match(nation, /Structures qui l'ont testé\s+[^\n]* et \d+ autres/);
  await navigate(admin, () => admin.getByRole('link', { name: /autres \(Hauts-de-France\)/ }).first().click(), 'the region, every member');
  assert.match(new URL(admin.url()).search, /region=/);
  assert.match(await mainText(admin), /Nord Bâtiment Solidaire\s+\S.*\s+(Utilisatrice|Relue)/);
  const lists = await admin.request.get(server.url('/deployment/roll-out.csv'));
  assert.equal(lists.status(), 200);
  const csv = await lists.text();
  assert.match(csv, /;A présenté le Cap;2026-10-05;Arras, forum emploi/);
  assert.ok(csv.includes(`Hauts-de-France;Structures qui vont le tester;${starts};Dunkerque Mer et Insertion`), csv);
  assert.ok(csv.includes('Hauts-de-France;Structures volontaires pour le tester;2026-10-05;Boulogne Services Solidaires'), csv);
  assert.ok(csv.includes("Hauts-de-France;Structures qui l'ont testé;;Nord Bâtiment Solidaire"), 'the spreadsheet names every member');
});

journey('a participant questions an indicator and the federation triages it', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'benevole@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Référentiels', 'referentials');
  await navigate(page, () => page.getByRole('link', { name: /Cap — exemple/ }).first().click(), 'referential explorer');
  await navigate(page, () => page.locator('a[href*="/nodes/"]').nth(3).click(), 'a node of the referential');
  await page.fill('#body', 'Nous ne voyons pas la différence entre les niveaux 2 et 3.');
  await submit(page, 'Envoyer la remarque', 'remark sent');
  assert.match(await mainText(page), /votre remarque est transmise/);

  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  await visit(admin, server, '/admin/feedback', 'feedback to triage');
  const item = admin.locator('article', { hasText: 'niveaux 2 et 3' });
  await item.locator('select').selectOption('planned');
  await item.locator('textarea').fill('À préciser dans la version 2027');
  await submit(admin, 'Enregistrer : ' + (await item.locator('h2 a').innerText()).split(' — ')[1], 'feedback triaged');
  assert.match(await mainText(admin), /Remarque mise à jour/);
  assert.match(await admin.locator('article', { hasText: 'niveaux 2 et 3' }).innerText(), /Retenue pour une prochaine version/);
});

journey('a group lead compares the group and an organisation compares itself', async ({ server, newPage }) => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await signIn(page, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await follow(page, 'GES Alpes Solidaires', 'group page');
  const text = await mainText(page);
  assert.match(text, /Les structures côte à côte/);
  assert.match(text, /Tremplin Services/);
  assert.match(text, /Moyenne du groupe/);
  assert.match(text, /Chaque structure face au groupe/);
  assert.match(text, /Là où les structures diffèrent le plus/);
  assert.equal(await page.locator('.chart-grid figure svg.chart--narrow:visible').count(), 2, 'a radar for each structure with figures');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll at 360 px (${width})`);

  const coordinator = await newPage();
  await signIn(coordinator, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Nord Bâtiment Solidaire', 'organisation page');
  await follow(coordinator, 'Auto-évaluation 2026', 'campaign');
  await follow(coordinator, 'Photographie', 'photographie');
  await follow(coordinator, 'Se situer parmi des structures comparables', 'benchmark');
  await coordinator.check('#peers-all');
  await submit(coordinator, 'Comparer', 'benchmark against all');
  const bench = await mainText(coordinator);
  assert.match(bench, /Médiane/);
  assert.match(bench, /(Dans le quart le plus bas|Sous la médiane|Au-dessus de la médiane|Dans le quart le plus haut)/);
});
