// A citizen front end and an administrator script, through the generated TypeScript SDK, against a running server.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, IdentityApi, ReferenceApi, TrackingApi, Role, Service,
  bawaba, call, allPages, BawabaProblem,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;

test('a citizen front end finds the Ministry of Justice in Arabic', async () => {
  const reference = new ReferenceApi(bawaba({ baseUrl, language: 'ar' }));
  const page = await reference.listInstitutions({ q: 'العدل', service: Service.Complaints });
  assert.ok(page.items.some((institution) => institution.name === 'وزارة العدل'));
});

test('every civil-status office comes once when following cursors', async () => {
  const reference = new ReferenceApi(bawaba({ baseUrl }));
  const ids = [];
  for await (const office of allPages((cursor) => reference.listCivilStatusOffices({ limit: 100, cursor }))) {
    ids.push(office.id);
  }
  assert.ok(ids.length >= 80);
  assert.equal(new Set(ids).size, ids.length);
});

test('holiday dates stay the calendar dates the server sent, whatever the time zone', async () => {
  const reference = new ReferenceApi(bawaba({ baseUrl, language: 'en' }));
  const page = await reference.listHolidays({ year: 2026, limit: 100 });
  const throneDay = page.items.find((holiday) => holiday.date === '2026-07-30');
  assert.equal(throneDay?.name, 'Throne Day');
});

test('an administrator issues a key that an institution then uses', async () => {
  const admin = new AdminApi(bawaba({ baseUrl, apiKey: adminKey }));
  const issued = await admin.createApiKey({
    apiKeyInput: { name: 'TS SDK test', role: Role.Agent, institutionId: 2 },
    idempotencyKey: crypto.randomUUID(),
  });
  assert.match(issued.secret, /^bwb_/);
  const me = await new IdentityApi(bawaba({ baseUrl, apiKey: issued.secret })).getCaller();
  assert.equal(me.role, Role.Agent);
  assert.equal(me.institutionId, 2);
});

test('a wrong tracking pair is a typed problem, in the language asked', async () => {
  const tracking = new TrackingApi(bawaba({ baseUrl, language: 'en' }));
  await assert.rejects(
    call(() => tracking.trackCase({ trackingRequest: { number: 'CP-2026-0000-0000', email: 'nobody@example.ma' } })),
    (error) => error instanceof BawabaProblem && error.status === 404 && error.problem.title === 'Not found',
  );
});

test('an anonymous caller cannot list API keys', async () => {
  const admin = new AdminApi(bawaba({ baseUrl }));
  await assert.rejects(call(() => admin.listApiKeys({})),
    (error) => error instanceof BawabaProblem && error.status === 401);
});
