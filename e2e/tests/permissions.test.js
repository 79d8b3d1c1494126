'use strict';
// 5. A participant is refused the administration, and cannot see other organisations.

const assert = require('node:assert/strict');
const {
  suite, visit, signIn, mainText, navigate, DEMO_PASSWORD,
} = require('../lib/browser');

const { journey } = suite({ demo: true });

const ADMIN_PAGES = [
  '/admin',
  '/admin/organisations',
  '/admin/organisations/new',
  '/admin/regions',
  '/admin/groups',
  '/admin/users',
  '/admin/audit',
  '/admin/invitations/new',
];

/** Every organisation as the administrator sees it: [{ id, name }]. */
async function allOrganisations(server, newPage) {
  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  await visit(admin, server, '/admin/organisations', 'organisations list, as administrator');
  const orgs = await admin.$$eval('table a[href^="/organisations/"]', (links) => links.map((a) => ({
    id: Number(a.getAttribute('href').split('/')[2]),
    name: a.textContent.trim(),
  })));
  await admin.context().close();
  return orgs;
}

journey('a participant is refused every administration page', async ({ server, newPage }) => {
  const page = await newPage();
  await signIn(page, server, 'benevole@demo.cap', DEMO_PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
  assert.equal(await page.getByRole('link', { name: "Ouvrir l'administration" }).count(), 0, 'no way in is offered');
  assert.equal(await page.locator('nav.site-nav a[href="/admin"]').count(), 0, 'no administration entry in the menu');

  for (const path of ADMIN_PAGES) {
    const response = await visit(page, server, path, `${path} as a participant`);
    assert.equal(response.status(), 403, `${path} answers 403`);
    assert.equal(new URL(page.url()).pathname, path, `${path} is not redirected`);
    await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
    assert.match(await page.title(), /^Accès refusé/);
    assert.equal(await page.locator('main form').count(), 0, `${path} shows no form`);
  }

  // A forged form posted from one of Cap's own pages is refused too, and changes nothing.
  await visit(page, server, '/', 'dashboard');
  const refused = await navigate(page, () => page.evaluate(() => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/admin/regions';
    for (const [name, value] of [['code', 'PIRATE'], ['name', 'Région pirate']]) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }), 'refused region creation');
  assert.equal(refused.status(), 403);
  await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();

  const admin = await newPage();
  await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
  await visit(admin, server, '/admin/regions', 'regions, as administrator');
  assert.doesNotMatch(await mainText(admin), /PIRATE|Région pirate/);
});

journey("a participant sees their own organisation and a 404 on every other one", async ({ server, newPage }) => {
  const orgs = await allOrganisations(server, newPage);
  assert.ok(orgs.length > 1, 'the demo has several organisations');
  const own = orgs.find((o) => o.name === 'Atelier du Lac');
  assert.ok(own, 'Atelier du Lac is listed');
  const others = orgs.filter((o) => o.id !== own.id);

  const page = await newPage();
  await signIn(page, server, 'benevole@demo.cap', DEMO_PASSWORD);
  const cards = await page.$$eval('.card h3 a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(cards, [`/organisations/${own.id}`], 'the dashboard lists Atelier du Lac only');

  const mine = await visit(page, server, `/organisations/${own.id}`, 'own organisation');
  assert.equal(mine.status(), 200);
  await page.getByRole('heading', { level: 1, name: 'Atelier du Lac' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Inviter une personne' }).count(), 0, 'a participant may not invite');
  const invite = await visit(page, server, `/organisations/${own.id}/invite`, 'invitation form of own organisation');
  assert.ok([403, 404].includes(invite.status()), `a participant may not open the invitation form (got ${invite.status()})`);
  assert.equal(await page.locator('#email').count(), 0);

  const unknown = Math.max(...orgs.map((o) => o.id)) + 1000;
  for (const org of [...others, { id: unknown, name: '(none)' }]) {
    const response = await visit(page, server, `/organisations/${org.id}`, `organisation ${org.id} (${org.name}) as a participant`);
    assert.equal(response.status(), 404, `/organisations/${org.id} (${org.name}) answers 404`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    assert.doesNotMatch(await mainText(page), new RegExp(org.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'nothing of the organisation leaks');
  }
});
