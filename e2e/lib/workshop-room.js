'use strict';
// A workshop room with eight phones and a projector, run by workshop.test.js (SQLite) and
// workshop-postgres.test.js (PostgreSQL): a phone that lost everything comes back to its seat,
// a namesake joins as a new participant, the instance is killed and restarted during a vote and
// the room resumes with the right counts, the facilitator marks one absent and removes another
// and every count follows at once, the wall fills 1920 × 1080 and is driven from the keyboard,
// and closing the room shows every phone the closing screen.

const assert = require('node:assert/strict');
const { visit, navigate, submit, signIn, mainText, checkA11y, DEMO_PASSWORD } = require('./browser');

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true };
const COLLEGES = ['volunteer', 'volunteer', 'volunteer', 'direction', 'direction', 'insertion_employee', 'insertion_employee', 'permanent_staff'];
const LIVE = { timeout: 20_000 };

/** Joins the room from a fresh phone as `name` of `college`. */
async function join(newPage, server, code, name, college, label) {
  const phone = await newPage(PHONE);
  await visit(phone, server, `/w?code=${code.toLowerCase()}`, `join page (${label})`);
  await phone.fill('#first_name', name);
  await phone.selectOption('#college', college);
  await submit(phone, 'Rejoindre', label);
  return phone;
}

/** Votes `level` on the phone and waits for the confirmation. */
async function vote(phone, level, label) {
  await navigate(phone, () => phone.locator(`label[for="vote-${level}"]`).click(), label);
  await phone.locator('[role="status"]').filter({ hasText: 'Vote enregistré' }).waitFor();
}

/** The seat code the phone shows. */
async function seatOf(phone) {
  return (await phone.locator('.workshop__seat').innerText()).replace(/^.*:\s*/, '').trim();
}

/** Waits until the wall reads `text` in its count. */
function wallReads(projector, text) {
  return projector.locator('.projector__count').filter({ hasText: text }).waitFor(LIVE);
}

async function eightPhonesAndAWall({ server, newPage }) {
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

  // The wall at 1920 × 1080: no site header, the QR code at a third of the screen's height.
  const projector = await console_.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await visit(projector, server, `${workshopPath}/projector`, 'projector at 1920 × 1080');
  assert.match(await mainText(projector), new RegExp(code));
  assert.equal(await projector.locator('header.site-header').count(), 0, 'no site chrome on the wall');
  const qr = await projector.locator('.projector__qr svg').boundingBox();
  assert.ok(qr && qr.width >= 300 && qr.height >= 300, `the QR code's side is ${qr && qr.width} px`);
  // On a 1280 × 720 projector: the QR code still a third of the height, nothing off the side,
  // the statement in large type.
  await projector.setViewportSize({ width: 1280, height: 720 });
  const small = await projector.locator('.projector__qr svg').boundingBox();
  assert.ok(small && small.height >= 235, `the QR code's side at 720 px high is ${small && small.height} px`);
  assert.ok(await projector.evaluate(() => document.documentElement.scrollWidth <= 1280), 'no sideways scrolling');
  const type = await projector.locator('.projector__statement').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  assert.ok(type >= 32, `the statement is set at ${type} px`);
  await projector.setViewportSize({ width: 1920, height: 1080 });

  // Eight phones join and vote.
  const phones = [];
  for (let i = 0; i < 8; i += 1) {
    phones.push(await join(newPage, server, code, `Voix ${i + 1}`, COLLEGES[i], `phone ${i + 1}`));
    assert.match(new URL(phones[i].url()).pathname, new RegExp(`/w/${code}$`));
  }
  for (let i = 0; i < 8; i += 1) await vote(phones[i], i < 5 ? '3' : '1', `phone ${i + 1} after voting`);
  await wallReads(projector, '8 votes sur 8');

  // Phone 1 loses everything (its browser context is discarded) and comes back with its seat
  // code: the same participant, its vote restored, still eight in the room.
  const seat = await seatOf(phones[0]);
  await phones[0].context().close();
  const lost = await join(newPage, server, code, 'Voix 1', 'volunteer', 'asked whether it is the same person');
  assert.match(await mainText(lost), /Êtes-vous déjà dans la salle/);
  await lost.fill('#seat', seat.toLowerCase());
  await submit(lost, "C'est moi, je reviens", 'voting page after coming back');
  assert.equal(await lost.isChecked('#vote-3'), true, 'the vote is restored');
  phones[0] = lost;
  await wallReads(projector, '8 votes sur 8');

  // Another « Voix 2 », a volunteer too, joins as a new person: a ninth participant, told apart
  // on the console by a seat of her own.
  const namesake = await join(newPage, server, code, 'Voix 2', 'volunteer', 'namesake asked');
  await submit(namesake, 'Rejoindre comme nouvelle personne', 'namesake voting page');
  const namesakeSeat = await seatOf(namesake);
  assert.notEqual(namesakeSeat, await seatOf(phones[1]), 'a seat of her own');
  await wallReads(projector, '8 votes sur 9');
  await console_.locator('#voters-title').filter({ hasText: '(9)' }).waitFor(LIVE);
  const console2 = await mainText(console_);
  assert.equal(console2.match(/Voix 2 \(Bénévole\)/g).length, 2, 'both « Voix 2 » are listed');
  assert.match(console2, new RegExp(`place ${namesakeSeat}`));

  // The instance dies during the vote and comes back: phones vote on, the wall catches up.
  await server.restart('SIGKILL');
  await vote(namesake, '2', 'namesake votes after the restart');
  await wallReads(projector, '9 votes sur 9');

  // Phone 8 leaves for a meeting: marked absent, its vote still counts here, one fewer in the
  // room. Phone 7 was a mistake: removed, its vote withdrawn. Every count follows at once.
  await submit(console_, 'Noter absent·e : Voix 8', 'console after marking Voix 8 absent');
  await console_.locator('#voters-title').filter({ hasText: '(8)' }).waitFor(LIVE);
  await wallReads(projector, '9 votes sur 9');
  await submit(console_, 'Retirer Voix 7', 'console after removing Voix 7');
  await phones[6].context().close();
  await console_.locator('#voters-title').filter({ hasText: '(7)' }).waitFor(LIVE);
  assert.match(await mainText(console_), /8 votes sur 8 participant·e·s/);
  await wallReads(projector, '8 votes sur 8');

  // The reveal reaches the phones; the distribution counts the same eight.
  await submit(console_, 'Montrer les votes', 'console with votes shown');
  await phones[2].locator('h2').filter({ hasText: 'Résultats' }).waitFor(LIVE);
  await projector.locator('caption').filter({ hasText: 'Résultats' }).waitFor(LIVE);
  const everyone = await projector.locator('.projector__table tbody tr').first().locator('td').allInnerTexts();
  const counted = everyone.map(Number).reduce((a, b) => a + b, 0);
  assert.equal(counted, 8, `the distribution counts eight votes (${everyone.join(' ')})`);
  await checkA11y(projector, 'projector with results');
  await checkA11y(phones[2], 'phone with results');
  await checkA11y(console_, 'console with results');

  await console_.locator('label[for="agreed-3"]').click();
  await console_.fill('#note', "D'accord après échange");
  await submit(console_, 'Enregistrer le niveau retenu', 'console after recording');
  assert.match(await mainText(console_), /Niveau retenu enregistré/);

  // The facilitator moves the room on from the wall's keyboard: Voix 8 is not awaited any more.
  await projector.keyboard.press('n');
  await phones[3].locator('p.muted').filter({ hasText: 'Question 2' }).waitFor(LIVE);
  await wallReads(projector, '0 vote sur 7');

  // Closing the room: every phone still in it shows the closing screen.
  console_.once('dialog', (dialog) => dialog.accept());
  await submit(console_, "Clore l'atelier", 'campaign page after closing the workshop');
  const open = [...phones.filter((p) => !p.isClosed()), namesake];
  for (const [i, phone] of open.entries()) {
    await phone.locator('h1').filter({ hasText: "L'atelier est terminé" }).waitFor(LIVE);
    await checkA11y(phone, `phone ${i + 1} on the closing screen`);
  }
}

module.exports = { eightPhonesAndAWall };
