'use strict';
// Good practices: from an indicator's page, a member sees how others do it and shares their own
// with an attachment (a refused try keeps what was typed); the region's delegate refuses without
// a reason (told to give one), then publishes; another member finds it and downloads the file.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');
const { waitForMailLink } = require('../lib/server');

const { journey } = suite({ demo: true });

journey('a member shares a practice, the delegate publishes it, others find it', async ({ server, newPage }) => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await signIn(page, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Référentiels', 'referentials');
  await navigate(page, () => page.getByRole('link', { name: /Cap — exemple/ }).first().click(), 'referential explorer');
  const version = page.url().match(/referentials\/(\d+)/)[1];
  await visit(page, server, `/referentials/${version}/nodes/SR.1.1.a`, 'indicator with published practices');
  let text = await mainText(page);
  assert.match(text, /Comment font les autres \?/);
  assert.match(text, /Un accueil en trois temps, avec sa grille/, "another member's practice is shown");

  await follow(page, 'Partager votre pratique sur cet indicateur', 'share form from the indicator');
  assert.equal(await page.isChecked('#indicator-SR\\.1\\.1\\.a'), true, 'the indicator is ticked');
  await page.fill('#body', 'Un binôme accueille chaque nouvelle personne pendant sa première semaine.');
  await page.setInputFiles('#files', {
    name: 'binome.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Semaine 1 : le binôme présente les ateliers, les règles et les collègues.\n'),
  });
  await submit(page, 'Envoyer à la délégation régionale', 'share refused without a title');
  text = await mainText(page);
  assert.match(text, /Donnez un titre à votre pratique/);
  assert.match(text, /choisissez-les à nouveau/, 'the member is told the file must be chosen again');
  assert.equal(await page.inputValue('#body'), 'Un binôme accueille chaque nouvelle personne pendant sa première semaine.');
  assert.equal(await page.isChecked('#indicator-SR\\.1\\.1\\.a'), true, 'the ticked indicator is kept');
  await page.fill('#title', 'Un binôme pour la première semaine');
  await page.setInputFiles('#files', {
    name: 'binome.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Semaine 1 : le binôme présente les ateliers, les règles et les collègues.\n'),
  });
  await submit(page, 'Envoyer à la délégation régionale', 'practice shared');
  text = await mainText(page);
  assert.match(text, /votre pratique est transmise à la délégation régionale/);
  assert.match(text, /En attente de relecture/);
  const practiceUrl = page.url();

  // The region's delegate reads it: refusing needs a reason; then publishes it.
  const delegate = await newPage();
  await signIn(delegate, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await follow(delegate, 'Bonnes pratiques', 'practices as a delegate');
  await navigate(delegate, () => delegate.getByRole('link', { name: /Pratiques à relire \(2\)/ }).click(), 'moderation');
  await follow(delegate, 'Un binôme pour la première semaine', 'practice to review');
  await delegate.check('#decision-reject');
  await submit(delegate, 'Enregistrer la décision', 'refusal without a reason');
  assert.match(await mainText(delegate), /Expliquez à l'auteur pourquoi/);
  assert.equal(await delegate.isChecked('#decision-reject'), true, 'the choice is kept');
  await delegate.check('#decision-publish');
  await submit(delegate, 'Enregistrer la décision', 'practice published');
  text = await mainText(delegate);
  assert.match(text, /Pratique publiée/);
  assert.match(text, /Pratiques à relire/);
  assert.doesNotMatch(text, /Un binôme pour la première semaine/, 'no longer waiting');
  const { link, message } = await waitForMailLink(server.outbox, 'referent.nord@demo.cap', {
    linkPattern: /http:\/\/127\.0\.0\.1:\d+\/practices\/\d+/,
  });
  assert.match(message.text, /est publiée/, 'the author is told');
  assert.equal(new URL(link).pathname, new URL(practiceUrl).pathname);

  // Another member finds it by indicator and downloads its attachment.
  const reader = await newPage();
  await signIn(reader, server, 'benevole@demo.cap', DEMO_PASSWORD);
  await follow(reader, 'Bonnes pratiques', 'practices as a member');
  await reader.selectOption('#filter-indicator', 'SR.1.1.a');
  await submit(reader, 'Filtrer', 'practices on one indicator');
  text = await mainText(reader);
  assert.match(text, /Un binôme pour la première semaine/);
  assert.match(text, /Nord Bâtiment Solidaire/);
  await follow(reader, 'Un binôme pour la première semaine', 'published practice');
  assert.equal(reader.url(), practiceUrl);
  const href = await reader.getByRole('link', { name: 'binome.txt' }).getAttribute('href');
  const download = await reader.request.get(server.url(href));
  assert.equal(download.status(), 200);
  assert.match(download.headers()['content-disposition'], /^attachment/);
  assert.match(await download.text(), /le binôme présente les ateliers/);
});

journey('an author corrects a refused practice and sends it again', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'pair.loire@demo.cap', DEMO_PASSWORD);
  await follow(page, 'Bonnes pratiques', 'practices of the author');
  await follow(page, 'Le parcours de Mme D.', 'refused practice');
  let text = await mainText(page);
  assert.match(text, /Cette pratique n'est pas publiée/);
  assert.match(text, /demandez-lui son accord écrit/, "the delegate's reason is shown");
  await follow(page, 'Corriger ma pratique', 'correction form');
  assert.equal(await page.inputValue('#title'), 'Le parcours de Mme D.');
  await page.fill('#title', "Le parcours d'une salariée, avec son accord");
  await page.fill('#body', '');
  await submit(page, 'Renvoyer à la délégation régionale', 'correction refused without a text');
  assert.match(await mainText(page), /Décrivez votre pratique/);
  assert.equal(await page.inputValue('#title'), "Le parcours d'une salariée, avec son accord", 'the title typed is kept');
  await page.fill('#body', 'Une salariée de notre atelier raconte, avec son accord écrit, ses six mois de préparation à la sortie.');
  await submit(page, 'Renvoyer à la délégation régionale', 'correction sent');
  text = await mainText(page);
  assert.match(text, /Votre correction est transmise à la délégation régionale/);
  assert.match(text, /En attente de relecture/);
  assert.doesNotMatch(text, /demandez-lui son accord écrit/, 'the old reason is gone');
});
