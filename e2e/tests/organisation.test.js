'use strict';
// 3. An administrator adds an organisation and invites its coordinator, who accepts in another
//    browser and finds the organisation on their dashboard.

const assert = require('node:assert/strict');
const {
  suite, visit, submit, follow, signIn, mainText, DEMO_PASSWORD,
} = require('../lib/browser');
const { waitForMailLink } = require('../lib/server');

const { journey } = suite({ demo: true });

const ORG = {
  name: 'Jardins de la Côte E2E',
  type: 'EI',
  badSiret: '12345678901234',
  siret: '73282932000074',
  address: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
};
const COORDINATOR = {
  name: 'Inès Référente',
  email: 'ines.referente@jardins-e2e.fr',
  password: 'les jardins fleurissent en mai',
};

journey('an administrator adds an organisation and invites its coordinator, who accepts', async ({ server, newPage }) => {
  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  assert.equal(new URL(admin.url()).pathname, '/');

  await follow(admin, "Ouvrir l'administration", 'administration');
  assert.equal(new URL(admin.url()).pathname, '/admin');
  await follow(admin, 'Structures', 'organisations list');
  assert.equal(new URL(admin.url()).pathname, '/admin/organisations');
  await follow(admin, 'Ajouter une structure', 'new organisation form');
  assert.equal(new URL(admin.url()).pathname, '/admin/organisations/new');

  // First with a SIRET that does not exist.
  await admin.getByLabel('Nom de la structure').fill(ORG.name);
  await admin.selectOption('#org_type', ORG.type);
  await admin.fill('#siret', ORG.badSiret);
  const region = await admin.$eval('#region', (select) => {
    const option = [...select.options].find((o) => o.value !== '');
    return { value: option.value, label: option.textContent.trim() };
  });
  await admin.selectOption('#region', region.value);
  await admin.getByLabel('Adresse', { exact: true }).fill(ORG.address);
  await admin.getByLabel('Code postal').fill(ORG.postalCode);
  await admin.getByLabel('Ville').fill(ORG.city);
  const refused = await submit(admin, 'Enregistrer', 'new organisation form with an invalid SIRET');
  assert.equal(refused.status(), 422);
  assert.equal(new URL(admin.url()).pathname, '/admin/organisations/new');

  const summary = admin.locator('.error-summary[role="alert"]');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Ce numéro SIRET n'existe pas/);
  assert.equal(await summary.locator('a[href="#siret"]').count(), 1, 'the summary links to the field');
  // The message sits beside the field and is tied to it.
  const fieldError = admin.locator('.field--error #siret-error');
  await fieldError.waitFor();
  assert.match(await fieldError.innerText(), /Ce numéro SIRET n'existe pas/);
  assert.equal(await admin.getAttribute('#siret', 'aria-invalid'), 'true');
  assert.match(await admin.getAttribute('#siret', 'aria-describedby'), /\bsiret-error\b/);
  assert.equal(await admin.locator('.field-error').count(), 1, 'only the SIRET is in error');
  // Everything typed is kept.
  assert.equal(await admin.inputValue('#name'), ORG.name);
  assert.equal(await admin.inputValue('#org_type'), ORG.type);
  assert.equal(await admin.inputValue('#siret'), ORG.badSiret);
  assert.equal(await admin.inputValue('#region'), region.value);
  assert.equal(await admin.inputValue('#address'), ORG.address);
  assert.equal(await admin.inputValue('#postal_code'), ORG.postalCode);
  assert.equal(await admin.inputValue('#city'), ORG.city);

  // Corrected.
  await admin.fill('#siret', ORG.siret);
  await submit(admin, 'Enregistrer', 'organisation page after creation');
  const orgPath = new URL(admin.url()).pathname;
  assert.match(orgPath, /^\/organisations\/\d+$/);
  await admin.getByRole('heading', { level: 1, name: ORG.name }).waitFor();
  assert.match(await admin.locator('.notice--success').innerText(), /Structure ajoutée\./);
  const details = await admin.locator('.summary-list').innerText();
  assert.match(details, /Entreprise d'insertion/);
  assert.doesNotMatch(details, /\(EI\)/, 'the type by its name, not its code');
  assert.match(details, new RegExp(region.label));
  assert.match(details, new RegExp(ORG.siret));
  assert.match(details, new RegExp(`${ORG.postalCode} ${ORG.city}`));
  assert.match(await mainText(admin), /Personne n'est encore rattaché à cette structure\./);

  // Invite the coordinator.
  await follow(admin, 'Inviter une personne', 'invitation form');
  assert.equal(new URL(admin.url()).pathname, `${orgPath}/invite`);
  await admin.getByLabel('Nom', { exact: true }).fill(COORDINATOR.name);
  await admin.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
  await admin.selectOption('#role', 'coordinator');
  await admin.selectOption('#college', 'direction');
  await submit(admin, "Envoyer l'invitation", 'invitation sent');
  await admin.getByRole('heading', { level: 1, name: 'Invitation envoyée' }).waitFor();
  assert.match(await admin.locator('.notice--success').innerText(), new RegExp(`L'invitation est partie vers ${COORDINATOR.email.replace(/\./g, '\\.')}`));

  const { link, message } = await waitForMailLink(server.outbox, COORDINATOR.email, {
    linkPattern: /http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]+/,
  });
  assert.ok(link.startsWith(`${server.baseUrl}/invitation/`), link);
  assert.match(message.text, new RegExp(ORG.name), 'the mail names the organisation');

  // The invitee, in a browser of their own.
  const invitee = await newPage();
  const invitation = await visit(invitee, server, link, 'invitation page');
  assert.equal(invitation.status(), 200);
  await invitee.getByRole('heading', { level: 1, name: 'Rejoindre Cap' }).waitFor();
  const summaryList = await invitee.locator('.summary-list').innerText();
  assert.match(summaryList, /Référent·e Cap \(coordination\)/);
  assert.match(summaryList, new RegExp(COORDINATOR.email.replace(/\./g, '\\.')));
  assert.equal(await invitee.inputValue('#display_name'), COORDINATOR.name, 'the name given by the inviter is offered');

  await invitee.fill('#password', COORDINATOR.password);
  await invitee.fill('#confirmation', COORDINATOR.password);
  await submit(invitee, "Accepter l'invitation", 'dashboard of the new coordinator');
  assert.equal(new URL(invitee.url()).pathname, '/');
  assert.match(await invitee.locator('.notice--success').innerText(), /Bienvenue dans Cap/);
  await invitee.getByRole('heading', { level: 1, name: `Bonjour ${COORDINATOR.name}` }).waitFor();
  const card = invitee.locator('.card').filter({ hasText: ORG.name });
  await card.waitFor();
  assert.equal(await card.getByRole('link', { name: ORG.name }).getAttribute('href'), orgPath);

  // The coordinator opens the organisation and may invite in turn.
  await follow(invitee, ORG.name, 'organisation page, as its coordinator');
  assert.equal(new URL(invitee.url()).pathname, orgPath);
  await invitee.getByRole('link', { name: 'Inviter une personne' }).waitFor();
  const members = await invitee.locator('table').innerText();
  assert.match(members, new RegExp(COORDINATOR.name));
  assert.match(members, /Référent·e Cap \(coordination\)/);
  assert.match(members, /Direction/);

  // The invitation served once.
  const used = await visit(invitee, server, link, 'used invitation link');
  assert.equal(used.status(), 410);
});
