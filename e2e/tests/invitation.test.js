'use strict';
// A newcomer without an account or an e-mail address: the coordinator adds them and shows a QR
// code; from the personal link to the first recorded answer takes two taps on a 360 × 740 phone.

const assert = require('node:assert/strict');
const { suite, navigate, submit, follow, signIn, mainText, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('from a personal link to a recorded answer in two taps', async ({ server, newPage }) => {
  const coordinator = await newPage();
  await signIn(coordinator, server, 'referente@demo.cap', DEMO_PASSWORD);
  await follow(coordinator, 'Atelier du Lac', 'organisation page');
  await follow(coordinator, 'Auto-évaluation 2026', 'campaign page');
  await coordinator.fill('#display_name', 'Samira');
  await coordinator.selectOption('#newcomer-college', 'insertion_employee');
  await submit(coordinator, 'Ajouter et créer son lien', 'personal link page');
  assert.match(await mainText(coordinator), /Samira/);
  const link = (await coordinator.locator('code.token').innerText()).trim();
  assert.match(link, /\/c\/\S+$/);
  const qr = await coordinator.locator('.link-qr svg').boundingBox();
  assert.ok(qr && qr.width >= 200, 'a QR code to scan on the spot');

  // Her phone, signed in nowhere: the link is the first tap, a level the second.
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  let taps = 0;
  await navigate(phone, () => phone.goto(new URL(new URL(link).pathname, server.url('/')).href), 'first question from the link');
  taps += 1;
  assert.match(new URL(phone.url()).pathname, /\/answer\/1$/);
  const first = phone.locator('fieldset[data-code]').first();
  const code = await first.getAttribute('data-code');
  const bar = await phone.locator('.answer-actions').boundingBox();
  const choice = await first.locator(`label[for="v-${code}-3"]`).boundingBox();
  assert.ok(choice.y + choice.height <= bar.y, 'the choice is in view without scrolling');
  await first.locator(`label[for="v-${code}-3"]`).click();
  taps += 1;
  await first.locator('[data-state]').filter({ hasText: 'Enregistré' }).waitFor();
  assert.ok(taps <= 3, `${taps} taps from the link to a recorded answer`);
});

journey('the first question on a throttled phone: time and bytes, reported', async ({ server, newPage, t }) => {
  const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await signIn(phone, server, 'salarie.parcours@demo.cap', DEMO_PASSWORD);
  const campaign = await phone.getByRole('link', { name: /^(Commencer|Reprendre)/ }).first().getAttribute('href');
  // Chromium's network emulation: a slow mobile connection (1.6 Mbps down, 150 ms latency).
  const cdp = await phone.context().newCDPSession(phone);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  const measure = async (label) => {
    const started = Date.now();
    await navigate(phone, () => phone.goto(server.url(campaign)), label);
    await phone.locator('fieldset[data-code] .choices label').first().waitFor({ state: 'visible' });
    const usable = Date.now() - started;
    const bytes = await phone.evaluate(() =>
      performance.getEntries().reduce((sum, e) => sum + (typeof e.transferSize === 'number' ? e.transferSize : 0), 0),
    );
    return { usable, bytes };
  };
  await cdp.send('Network.clearBrowserCache');
  const first = await measure('first question, first visit, throttled');
  const again = await measure('first question, repeat visit, throttled');
  // Reported, never asserted: timings depend on the machine.
  t.diagnostic(`throttled phone: first question usable after ${first.usable} ms (${first.bytes} bytes), repeat visit ${again.usable} ms (${again.bytes} bytes)`);
  assert.ok(again.bytes < first.bytes, 'a repeat visit does not fetch the stylesheet and script again');
});
