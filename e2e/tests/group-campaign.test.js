'use strict';
// A group launches one démarche across its structures: the lead of GES Alpes Solidaires chooses
// the referential, the calendar and the structures (a mistake told beside its field), each
// structure gets its own campaign, and a structure's coordinator reads the démarche's page only
// once the lead shares it. The lead then writes the harmonisation plan, with an owner in each
// structure, and the coordinator follows her structure's line from her campaign.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a group lead launches one démarche across the structures and shares it', async ({ server, newPage }) => {
  const lead = await newPage();
  await signIn(lead, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await follow(lead, 'GES Alpes Solidaires', 'the group');
  await follow(lead, 'Lancer une démarche commune', 'the démarche form');
  await lead.fill('#title', 'Démarche commune 2027');
  for (const name of ['Atelier du Lac', 'Tremplin Services', 'Rhône Intérim Solidaire']) {
    await lead.getByLabel(name, { exact: true }).uncheck();
  }
  await submit(lead, 'Lancer la démarche', 'no structure ticked');
  assert.match(await mainText(lead), /Cochez au moins une structure/);
  assert.equal(await lead.inputValue('#title'), 'Démarche commune 2027', 'what was typed is kept');
  await lead.getByLabel('Atelier du Lac', { exact: true }).check();
  await lead.getByLabel('Tremplin Services', { exact: true }).check();
  await submit(lead, 'Lancer la démarche', 'démarche launched');
  const page = new URL(lead.url()).pathname;
  const launched = await mainText(lead);
  assert.match(launched, /Démarche lancée/);
  assert.match(launched, /Atelier du Lac : Préparation/);
  assert.match(launched, /Tremplin Services : Préparation/);
  assert.doesNotMatch(launched, /Rhône Intérim Solidaire/);

  // The coordinator of Atelier du Lac finds the new campaign, and the page once it is shared.
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Atelier du Lac', 'organisation page');
  assert.match(await mainText(coordinator), /Démarche commune 2027/);
  const hidden = await coordinator.request.get(server.url(page));
  assert.equal(hidden.status(), 404, 'not shared yet');
  await submit(lead, 'Montrer cette page aux structures du groupe', 'shared');
  assert.match(await mainText(lead), /Les structures du groupe voient cette page/);
  const shared = await visit(coordinator, server, page, 'the démarche, shared');
  assert.equal(shared.status(), 200);
  assert.match(await mainText(coordinator), /Tremplin Services : Préparation/);

  // The harmonisation plan: an action for the group, carried in each structure by one person.
  await follow(lead, "Plan d'harmonisation du groupe", 'the harmonisation plan');
  assert.match(await mainText(lead), /Aucune action pour l'instant/);
  await submit(lead, "Ajouter l'action", 'an action without a title');
  assert.match(await mainText(lead), /Écrivez l'action/);
  await lead.fill('#title', "Un livret d'accueil commun");
  await lead.fill('#due_on', '2027-03-15');
  await lead.getByLabel('Atelier du Lac', { exact: true }).selectOption({ label: 'Sophie Durand' });
  await submit(lead, "Ajouter l'action", 'action added');
  const planned = await mainText(lead);
  assert.match(planned, /Action ajoutée au plan d'harmonisation/);
  assert.match(planned, /Structures qui l'ont faite : 0 sur 2/);
  assert.match(planned, /À désigner par la structure/, 'Tremplin Services names its own owner');

  // The coordinator finds it from her structure's campaign and says where her structure stands.
  await follow(coordinator, 'Atelier du Lac', 'organisation page, again');
  await follow(coordinator, 'Démarche commune 2027', "the structure's campaign of the démarche");
  await follow(coordinator, "Plan d'harmonisation du groupe", 'the plan, as a structure reads it');
  await follow(coordinator, /Mettre à jour : Un livret d'accueil commun, Atelier du Lac/, 'her line');
  await coordinator.getByLabel('Étape').selectOption({ label: 'Faite' });
  await coordinator.fill('#note', 'Livret adopté en réunion d’équipe');
  await submit(coordinator, 'Enregistrer', 'line saved');
  const followed = await mainText(coordinator);
  assert.match(followed, /Ligne enregistrée/);
  assert.match(followed, /Structures qui l'ont faite : 1 sur 2/);
  assert.match(followed, /Livret adopté en réunion/);
  await visit(lead, server, new URL(lead.url()).pathname, 'the plan, as the lead reads it now');
  assert.match(await mainText(lead), /Structures qui l'ont faite : 1 sur 2/);
});

journey('a group lead reads a démarche answered by two structures, and its harmonisation plan', async ({ server, newPage }) => {
  const lead = await newPage();
  await signIn(lead, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await follow(lead, 'GES Alpes Solidaires', 'the group');
  await follow(lead, 'Auto-évaluation 2025', 'the démarche both structures answered');
  const demarche = await mainText(lead);
  assert.match(demarche, /Consolidation du groupe, indicateur par indicateur/);
  await lead.getByText('Voir chaque indicateur').click();
  for (const name of ['Tremplin Services', 'Rhône Intérim Solidaire']) {
    assert.equal(await lead.getByRole('columnheader', { name, exact: true }).count(), 2, `${name}: by objective and by indicator`);
  }
  assert.ok((await lead.locator('main svg').count()) >= 2, 'one radar per structure');
  await follow(lead, "Plan d'harmonisation du groupe", 'its harmonisation plan');
  const plan = await mainText(lead);
  assert.match(plan, /Un livret d'accueil commun aux trois structures/);
  assert.match(plan, /Structures qui l'ont faite : 1 sur 2/);
  assert.match(plan, /En attente du financement OPCO/);
});
