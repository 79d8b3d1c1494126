'use strict';
// A workshop: the coordinator opens it, the projector shows the code, five phones join and vote,
// the projector counts live, a phone that reconnects finds its vote, the reveal reaches phones;
// the wall (no site chrome, a large QR code) moves the room from the keyboard; closing the room
// shows the phones a closing screen.

const assert = require('node:assert/strict');
const { suite, visit, navigate, submit, signIn, mainText, checkA11y, DEMO_PASSWORD } = require('../lib/browser');

const { journey } = suite({ demo: true });

journey('five phones vote in a workshop followed live by the projector', async ({ server, newPage }) => {
  const console_ = await newPage();
  await signIn(console_, server, 'referente@demo.cap', DEMO_PASSWORD);
  await visit(console_, server, '/campaigns/1', 'demo campaign page');
  await console_.selectOption('#workshop-pillar', 'SR');
  await console_.check('#by_college');
  await submit(console_, 'Ouvrir un atelier', 'workshop console');
  assert.match(new URL(console_.url()).pathname, /^\/workshops\/\d+$/);
  const workshopPath = new URL(console_.url()).pathname;
  const code = (await console_.locator('.workshop__code').first().innerText()).trim();
  assert.match(code, /^[A-Z0-9]{6}$/);

  const projector = await console_.context().newPage();
  await visit(projector, server, `${workshopPath}/projector`, 'projector');
  assert.match(await mainText(projector), new RegExp(code));
  assert.equal(await projector.locator('.projector__qr svg').count(), 1);

  const colleges = ['volunteer', 'volunteer', 'volunteer', 'direction', 'insertion_employee'];
  const phones = [];
  for (let i = 0; i < 5; i += 1) {
    const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    await visit(phone, server, `/w?code=${code.toLowerCase()}`, `join page ${i}`);
    await phone.fill('#first_name', `Voix ${i + 1}`);
    await phone.selectOption('#college', colleges[i]);
    await submit(phone, 'Rejoindre', `phone ${i} voting page`);
    assert.match(new URL(phone.url()).pathname, new RegExp(`/w/${code}$`));
    phones.push(phone);
  }

  for (let i = 0; i < 5; i += 1) {
    const phone = phones[i];
    const level = i < 3 ? '3' : '1';
    await navigate(phone, () => phone.locator(`label[for="vote-${level}"]`).click(), `phone ${i} after voting`);
    await phone.locator('[role="status"]').filter({ hasText: 'Vote enregistré' }).waitFor();
  }
  await projector.locator('.projector__count').filter({ hasText: '5 votes sur 5' }).waitFor({ timeout: 10_000 });

  // A phone that loses its page and comes back finds its vote.
  const seat = (await phones[0].locator('.workshop__seat').innerText()).replace(/^.*:\s*/, '').trim();
  await phones[0].close();
  const back = await phones[1].context().newPage();
  await visit(back, server, `/w/${code}`, 'phone reconnecting');
  assert.equal(await back.isChecked('#vote-3'), true);

  // A phone that lost everything (a new browser) comes back with its seat code: the same
  // participant, its vote restored, still five in the room.
  const lost = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await visit(lost, server, `/w?code=${code}`, 'join page on a phone that forgot');
  await lost.fill('#first_name', 'Voix 1');
  await lost.selectOption('#college', 'volunteer');
  await submit(lost, 'Rejoindre', 'asked whether it is the same person');
  assert.match(await mainText(lost), /Êtes-vous déjà dans la salle/);
  await lost.fill('#seat', seat.toLowerCase());
  await submit(lost, "C'est moi, je reviens", 'voting page after coming back');
  assert.equal(await lost.isChecked('#vote-3'), true, 'the vote is restored');
  await projector.locator('.projector__count').filter({ hasText: '5 votes sur 5' }).waitFor({ timeout: 10_000 });

  await submit(console_, 'Montrer les votes', 'console with votes shown');
  await phones[2].locator('h2').filter({ hasText: 'Résultats' }).waitFor({ timeout: 10_000 });
  await projector.locator('caption').filter({ hasText: 'Résultats' }).waitFor({ timeout: 10_000 });
  await checkA11y(projector, 'projector with results');
  await checkA11y(phones[2], 'phone with results');

  await console_.locator('label[for="agreed-3"]').click();
  await console_.fill('#note', "D'accord après échange");
  await submit(console_, 'Enregistrer le niveau retenu', 'console after recording');
  assert.match(await mainText(console_), /Niveau retenu enregistré/);
  await submit(console_, 'Suivant', 'console on the next indicator');
  await phones[3].locator('p.muted').filter({ hasText: 'Question 2' }).waitFor({ timeout: 10_000 });

  // The wall: no site header, the QR code at a third of the screen, the keyboard moves the room.
  await projector.setViewportSize({ width: 1920, height: 1080 });
  assert.equal(await projector.locator('header.site-header').count(), 0, 'no site chrome on the wall');
  const qr = await projector.locator('.projector__qr svg').boundingBox();
  assert.ok(qr && qr.width >= 300 && qr.height >= 300, `the QR code's side is ${qr && qr.width} px`);
  await projector.keyboard.press('n');
  await phones[3].locator('p.muted').filter({ hasText: 'Question 3' }).waitFor({ timeout: 10_000 });
  await checkA11y(projector, 'projector at 1920 × 1080');

  // Closing the room: the phones still open show the closing screen.
  for (const page of [phones[1], phones[2], phones[4], back, lost]) await page.close();
  console_.once('dialog', (dialog) => dialog.accept());
  await submit(console_, "Clore l'atelier", 'campaign page after closing the workshop');
  await phones[3].locator('h1').filter({ hasText: "L'atelier est terminé" }).waitFor({ timeout: 10_000 });
  await checkA11y(phones[3], 'phone on the closing screen');
});
