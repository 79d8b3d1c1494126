'use strict';
// A group builds its shared vocabulary: the lead of GES Alpes Solidaires defines a word (a
// mistake told beside its field), writes a new version of another while a second window does the
// same (both shown, nothing overwritten until chosen), and a participant of one of the group's
// structures reads the definitions beside the indicators that use them.

const assert = require('node:assert/strict');
const { suite, visit, submit, follow, navigate, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('a group agrees on its words and its people read them beside the indicators', async ({ server, newPage }) => {
  const lead = await newPage();
  await signIn(lead, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await follow(lead, 'GES Alpes Solidaires', 'the group');
  await follow(lead, 'Le glossaire du groupe : le vocabulaire commun des structures', "the group's glossary");
  const glossaryPath = new URL(lead.url()).pathname;
  assert.match(await mainText(lead), /Encadrant[\s\S]*Version 2/);

  await lead.fill('#term', 'Chantier');
  await submit(lead, 'Ajouter au glossaire', 'a word without its definition');
  assert.match(await lead.locator('#definition-error').innerText(), /Écrivez sa définition/);
  assert.equal(await lead.inputValue('#term'), 'Chantier', 'what was typed is kept');
  await lead.fill('#definition', "Une activité support où une équipe en parcours apprend un métier sur le terrain.");
  await submit(lead, 'Ajouter au glossaire', 'word added');
  assert.match(await mainText(lead), /Mot ajouté au glossaire/);
  assert.match(await mainText(lead), /Chantier\s+Une activité support/);

  // Two windows on the same word: the second to save sees the first's version beside its own.
  await follow(lead, 'Modifier, voir les versions : Encadrant', 'the word Encadrant');
  const wordPath = new URL(lead.url()).pathname;
  const other = await newPage();
  await signIn(other, server, 'ges.alpes@demo.cap', DEMO_PASSWORD);
  await visit(other, server, wordPath, 'the same word, in another window');
  await lead.fill('#definition', "Version de la réunion de direction : l'encadrant organise, transmet et évalue.");
  await submit(lead, 'Enregistrer la nouvelle version', 'first version saved');
  await other.fill('#definition', 'Version écrite en même temps dans une autre fenêtre.');
  await submit(other, 'Enregistrer la nouvelle version', 'second version refused as stale');
  const conflict = await mainText(other);
  assert.match(conflict, /Quelqu'un a écrit une nouvelle version/);
  assert.match(conflict, /Version de la réunion de direction/, 'theirs is shown');
  assert.equal(await other.inputValue('#definition'), 'Version écrite en même temps dans une autre fenêtre.', 'mine is kept');
  await submit(other, 'Enregistrer ma version à la place', 'mine saved, knowingly');
  const history = await mainText(other);
  assert.match(history, /Version 4/);
  assert.match(history, /Version de la réunion de direction/, 'every version is kept');

  // A participant of Atelier du Lac reads the words beside the indicators that use them.
  const participant = await newPage();
  await signIn(participant, server, 'salarie.parcours@demo.cap', DEMO_PASSWORD);
  await navigate(participant, () => participant.getByRole('link', { name: /^Commencer à répondre/ }).first().click(), 'first answering page');
  const words = participant.locator('details.answer__words').first();
  assert.match(await words.locator('summary').innerText(), /Mots du glossaire/);
  await words.locator('summary').click();
  assert.match(await words.innerText(), /Utilité sociale|Parcours/);
  const href = await words.locator('a').first().getAttribute('href');
  assert.match(href, /^\/(groups\/\d+\/)?glossary#/);
  const read = await visit(participant, server, glossaryPath, "the group's glossary, read by a participant");
  assert.equal(read.status(), 200);
  assert.match(await mainText(participant), /Chantier/);
  assert.doesNotMatch(await mainText(participant), /Définir un mot/, 'read, not written');
});
