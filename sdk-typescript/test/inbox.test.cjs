// An institution's back office over the TypeScript SDK: its whole inbox by cursors, then its change feed followed from a
// stored position, as a synchronisation job run again and again would.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, ComplaintsApi, InboxApi, CaseEventType, ComplaintKind, ComplaintTransitionTarget, IdDocumentType,
  InstitutionKind, Role, Service, bawaba, ifMatch, inboxItems, followFeed,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function agency() {
  const admin = new AdminApi(bawaba({ baseUrl, apiKey: adminKey }));
  const created = await admin.createInstitution({
    idempotencyKey: crypto.randomUUID(),
    institutionInput: {
      code: `TS_INBOX_${crypto.randomUUID().slice(0, 8).toUpperCase()}`, kind: InstitutionKind.PublicBody,
      names: { ar: 'الوكالة الحضرية', fr: 'Agence urbaine' }, regionId: 4, services: [Service.Complaints],
    },
  });
  const agent = await admin.createApiKey({
    idempotencyKey: crypto.randomUUID(),
    apiKeyInput: { name: 'TS synchronisation', role: Role.Agent, institutionId: created.id },
  });
  return { id: created.id, agentKey: agent.secret };
}

function complain(institutionId, subject) {
  return new ComplaintsApi(bawaba({ baseUrl })).submitComplaint({
    idempotencyKey: crypto.randomUUID(),
    complaintInput: {
      institutionId, kind: ComplaintKind.Complaint, categoryId: 2, subject,
      content: 'Ma demande est sans réponse depuis trois mois.',
      requester: {
        firstName: 'Nadia', lastName: 'Tazi', idDocumentType: IdDocumentType.Cin, idDocumentNumber: 'GH112233',
        email: 'nadia.tazi@example.ma',
      },
    },
  });
}

test('a back office reads its whole inbox, then follows the feed from its stored position', async () => {
  const { id, agentKey } = await agency();
  const filed = [];
  for (let i = 0; i < 5; i++) filed.unshift((await complain(id, `Permis ${i}`)).complaint.number);

  const inbox = new InboxApi(bawaba({ baseUrl, apiKey: agentKey }));
  const listed = [];
  for await (const item of inboxItems(inbox, { limit: 2 })) listed.push(item.number);
  assert.deepEqual(listed, filed);
  const subjects = [];
  for await (const item of inboxItems(inbox, { q: 'Permis 3' })) subjects.push(item.subject);
  assert.deepEqual(subjects, ['Permis 3']);

  let stored = 0;
  const store = { load: () => stored, save: (position) => { stored = position; } };
  const seen = [];
  // The feed runs about a second behind the changes (the sequencer's period).
  for (let attempt = 0; attempt < 50 && seen.length < 5; attempt++) {
    await followFeed(inbox, store, (event) => { seen.push(event); }, 2);
    await sleep(200);
  }
  assert.equal(seen.length, 5);
  assert.ok(seen.every((event) => event.event.type === CaseEventType.Submitted));
  assert.equal(stored, seen[4].position);

  const staff = new ComplaintsApi(bawaba({ baseUrl, apiKey: agentKey }));
  const oldest = filed[4];
  const { version } = await staff.getComplaint({ number: oldest });
  await staff.transitionComplaint({
    number: oldest, ifMatch: ifMatch(version), complaintTransition: { to: ComplaintTransitionTarget.Acknowledged },
  });
  const later = [];
  for (let attempt = 0; attempt < 50 && later.length === 0; attempt++) {
    await followFeed(inbox, store, (event) => { later.push(event); });
    await sleep(200);
  }
  assert.equal(later.length, 1);
  assert.equal(later[0].caseNumber, oldest);
  assert.equal(later[0].event.type, CaseEventType.Acknowledged);
  assert.ok(later[0].position > seen[4].position);
});
