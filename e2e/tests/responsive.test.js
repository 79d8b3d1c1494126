'use strict';
// 7. A 360 px wide screen: no horizontal scrolling. Also reference screenshots at 360 and 1280 px.

const assert = require('node:assert/strict');
const {
  suite, visit, submit, signIn, screenshot, DEMO_PASSWORD,
} = require('../lib/browser');

const { journey } = suite({ demo: true });

const NARROW = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };

/** The page's widths, and the elements that stick out past the viewport's right edge. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 10)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

async function assertNoHorizontalScroll(page, label) {
  const { scrollWidth, culprits } = await overflow(page);
  assert.ok(scrollWidth <= NARROW.width, `${label}: scrollWidth ${scrollWidth} > ${NARROW.width}; wider elements: ${culprits.join(', ')}`);
}

journey('360 px wide: the sign-in page and the dashboard need no horizontal scrolling', async ({ server, newPage }) => {
  const page = await newPage({ viewport: NARROW, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await visit(page, server, '/sign-in', 'sign-in page at 360 px');
  await assertNoHorizontalScroll(page, 'sign-in page');

  // With an error summary too.
  await page.fill('#email', 'referente@demo.cap');
  await page.fill('#password', 'pas le bon mot de passe');
  await submit(page, 'Se connecter', 'sign-in error at 360 px');
  await page.locator('.error-summary').waitFor();
  await assertNoHorizontalScroll(page, 'sign-in page with an error');

  for (const email of ['referente@demo.cap', 'admin@demo.cap']) {
    const user = await newPage({ viewport: NARROW, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await signIn(user, server, email, DEMO_PASSWORD);
    assert.equal(new URL(user.url()).pathname, '/');
    await user.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
    await assertNoHorizontalScroll(user, `dashboard of ${email}`);
  }
});

journey('reference screenshots at 360 and 1280 px', async ({ server, newPage, t }) => {
  for (const [name, viewport] of [['360', NARROW], ['1280', WIDE]]) {
    const narrow = viewport === NARROW;
    const options = narrow ? { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : { viewport };

    const visitor = await newPage(options);
    await visit(visitor, server, '/sign-in', `sign-in page at ${name} px`);
    t.diagnostic(await screenshot(visitor, `sign-in-${name}.png`));

    const referente = await newPage(options);
    await signIn(referente, server, 'referente@demo.cap', DEMO_PASSWORD);
    await referente.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
    t.diagnostic(await screenshot(referente, `dashboard-referente-${name}.png`));

    const admin = await newPage(options);
    await signIn(admin, server, 'admin@demo.cap', DEMO_PASSWORD);
    await visit(admin, server, '/admin/organisations/new', `new organisation form at ${name} px`);
    await admin.getByRole('heading', { level: 1, name: 'Ajouter une structure' }).waitFor();
    t.diagnostic(await screenshot(admin, `admin-organisations-new-${name}.png`));
    if (narrow) await assertNoHorizontalScroll(admin, 'new organisation form');
  }
});
