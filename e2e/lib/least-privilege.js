'use strict';
// The journeys that prove a member decides who reads its self-assessment, run by
// review.test.js on SQLite and by review-postgres.test.js on PostgreSQL, on the demo.

const assert = require('node:assert/strict');
const { visit, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('./browser');
const { readOutbox } = require('./server');

/** A delegate reads another member of her region only once it shares a campaign. */
async function delegateReadsOnlyWhatIsShared({ server, newPage }) {
  // The member's coordinator opens the campaign: its address is what the delegate will try.
  const member = await newPage();
  await signIn(member, server, 'pair.picardie@demo.cap', DEMO_PASSWORD);
  await follow(member, 'Picardie Chantiers Verts', 'member organisation page');
  await follow(member, 'Auto-évaluation 2025', 'member campaign page');
  const campaign = new URL(member.url()).pathname;

  // The delegate accompanies Nord as its tiers: that is on her home, without « aucune structure ».
  const delegate = await newPage();
  await signIn(delegate, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  let text = await mainText(delegate);
  assert.match(text, /Mes accompagnements/);
  assert.match(text, /Nord Bâtiment Solidaire — Auto-évaluation 2026/);
  assert.doesNotMatch(text, /aucune structure/);

  // Picardie: where its démarche stands and whom to call, no link that would answer 404.
  await follow(delegate, 'Hauts-de-France', 'region as a delegate');
  await follow(delegate, 'Picardie Chantiers Verts', 'member page as a delegate');
  text = await mainText(delegate);
  assert.match(text, /Auto-évaluation 2025/);
  assert.match(text, /Résultats non partagés/);
  assert.equal(await delegate.getByRole('link', { name: 'Auto-évaluation 2025', exact: true }).count(), 0);
  assert.doesNotMatch(text, /Retirer/, 'the member manages its own people');
  const before = ['', '/results', '/plan', '/checkpoint', '/review', '/accompaniment', '/export/synthese.pdf', '/export/rapport.pdf']
    .map((path) => campaign + path)
    .concat(['/api' + campaign, '/api' + campaign + '/answers', '/api' + campaign + '/results']);
  for (const path of before) {
    const response = await delegate.request.get(server.url(path));
    assert.equal(response.status(), 404, `${path} before sharing`);
  }

  // The member shares the campaign with the delegation: she reads it, and only reads.
  await member.check('#share');
  await submit(member, 'Enregistrer le partage', 'campaign page after sharing');
  assert.match(await mainText(member), /partagée avec la délégation régionale/);
  const results = await visit(delegate, server, campaign + '/results', 'shared photographie as a delegate');
  assert.equal(results.status(), 200);
  assert.match(await mainText(delegate), /Score global/);
  const summary = await delegate.request.get(server.url(campaign + '/export/synthese.pdf'));
  assert.equal(summary.status(), 200, 'the summary of a shared campaign');
  for (const path of ['/review', '/accompaniment', '/export/campagne.xlsx']) {
    const response = await delegate.request.get(server.url(campaign + path));
    assert.equal(response.status(), 404, `${path}: sharing lets her read, nothing more`);
  }
}

/** A date `days` from today, as the date fields take it. */
function isoIn(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The tiers plans the accompaniment day a month ahead, suggests two actions and an amendment;
 * the coordinator accepts one and declines one; the day concludes with a complementary
 * accompaniment whose offers reach the member by name, on the campaign page and by e-mail. A pair
 * meets no link that answers 404 and no management control.
 */
async function tiersWorksThePlanWithTheMember({ server, newPage }) {
  // The coordinator proposes the plan and keeps its first action.
  const member = await newPage();
  await signIn(member, server, 'referent.nord@demo.cap', DEMO_PASSWORD);
  await follow(member, 'Nord Bâtiment Solidaire', 'member organisation page');
  await follow(member, 'Auto-évaluation 2026', 'campaign under review');
  await follow(member, 'Plan de progrès', 'plan before generation');
  await submit(member, 'Proposer le plan', 'plan with proposals');
  await member.locator('input[name="action"]').first().check();
  await submit(member, 'Accepter la sélection', 'plan with one action');
  const planPath = new URL(member.url()).pathname;

  // The tiers plans the day a month ahead.
  const tiers = await newPage();
  await signIn(tiers, server, 'delegue.hdf@demo.cap', DEMO_PASSWORD);
  await follow(tiers, 'Préparer ou consigner la journée d\'accompagnement', 'accompaniment from the home page');
  await tiers.fill('#held_on', isoIn(30));
  await tiers.fill('#place', 'Locaux de Nord Bâtiment Solidaire, Lille');
  await submit(tiers, 'Enregistrer la préparation', 'day planned');
  assert.match(await mainText(tiers), /Journée prévue/);

  // She suggests two actions and an amendment.
  await visit(tiers, server, planPath, 'plan as the tiers');
  assert.doesNotMatch(await mainText(tiers), /puis validez le plan/, 'no instructions to edit for a reader');
  await follow(tiers, 'Propositions du tiers', 'suggestions as the tiers');
  for (const title of ['Écrire le projet associatif avec le CA', 'Un comité de suivi mensuel']) {
    await tiers.check('#kind-action');
    await tiers.fill('#title', title);
    await tiers.fill('#why', 'Vu ensemble lors de la relecture.');
    await submit(tiers, 'Envoyer la proposition', `suggestion "${title}" sent`);
    assert.match(await mainText(tiers), /Votre proposition est envoyée/);
  }
  await tiers.check('#kind-amendment');
  await tiers.selectOption('#action', { index: 1 });
  await tiers.fill('#owner_role', "L'encadrant technique");
  await tiers.fill('#due_on', isoIn(120));
  await submit(tiers, 'Envoyer la proposition', 'amendment sent');
  assert.match(await mainText(tiers), /Propositions en attente : 3/);

  // The coordinator accepts one action and declines the other.
  await visit(member, server, planPath, 'plan with suggestions waiting');
  await follow(member, 'Propositions du tiers (3 en attente)', 'suggestions as the coordinator');
  const first = member.locator('li.card', { hasText: 'Écrire le projet associatif avec le CA' });
  await navigate(member, () => first.getByRole('button', { name: 'Accepter', exact: true }).click(), 'after accepting');
  let text = await mainText(member);
  assert.match(text, /La proposition est acceptée/);
  const second = member.locator('li.card', { hasText: 'Un comité de suivi mensuel' });
  await second.locator('textarea').fill('Le conseil se réunit déjà chaque mois.');
  await navigate(member, () => second.getByRole('button', { name: 'Décliner', exact: true }).click(), 'after declining');
  text = await mainText(member);
  assert.match(text, /La proposition est déclinée/);
  await visit(member, server, planPath, 'plan with the accepted suggestion');
  assert.match(await mainText(member), /Écrire le projet associatif avec le CA/);
  assert.match(await mainText(member), /Proposée par .* \(tiers\)/);

  // Held yesterday, the day concludes with a complementary accompaniment.
  await visit(tiers, server, planPath.replace(/\/plan$/, '/accompaniment'), 'accompaniment to conclude');
  await tiers.fill('#held_on', isoIn(-1));
  await tiers.fill('#attendees', 'Thomas (référent), la déléguée régionale (tiers)');
  await tiers.fill('#conclusions', 'Un appui sur la gouvernance est utile.');
  await tiers.check('#decision-further');
  const offer = tiers.locator('input[name="offer"]').first();
  const offerName = (await tiers.locator(`label[for="${await offer.getAttribute('id')}"]`).innerText()).trim();
  await offer.check();
  await submit(tiers, 'Conclure la journée', 'day concluded');
  assert.match(await mainText(tiers), /La journée est conclue/);
  const mail = readOutbox(server.outbox).find((m) => (m.headers.to || '').includes('referent.nord@demo.cap') && m.text.includes('a été conclue pour'));
  assert.ok(mail && mail.text.includes(offerName), 'the coordinator is told the decision with the offer by name');
  await visit(member, server, planPath.replace(/\/plan$/, ''), 'campaign page with the decision');
  text = await mainText(member);
  assert.match(text, /Un accompagnement complémentaire est convenu/);
  assert.ok(text.includes(offerName), 'the member reads the offer by name');

  // A pair of the same campaign: no management control, no link that answers 404.
  const pair = await newPage();
  await signIn(pair, server, 'pair.gironde@demo.cap', DEMO_PASSWORD);
  for (const path of ['/review', '/results', '/plan', '/checkpoint']) {
    await visit(pair, server, planPath.replace(/\/plan$/, path), `${path} as a pair`);
    assert.equal(await pair.locator('form[action$="/review/reviewers"]').count(), 0, 'no invitation form');
    const links = await pair.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      const response = await pair.request.get(server.url(href.split('#')[0]));
      assert.notEqual(response.status(), 404, `${path}: ${href} answers 404`);
    }
  }
}

module.exports = { delegateReadsOnlyWhatIsShared, tiersWorksThePlanWithTheMember };
