// Public statistics through the generated TypeScript SDK, as an open-data dashboard reads them: typed figures per
// group, suppressed small groups, and the CSV table by content negotiation.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, ComplaintsApi, StatisticsApi, ComplaintKind, ComplaintTransitionTarget, DurationUnit, IdDocumentType,
  InstitutionKind, Role, Service, StatisticsDimension, bawaba, ifMatch,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;

/** A body of the test's own that receives complaints, and its agent's key. */
async function agency() {
  const admin = new AdminApi(bawaba({ baseUrl, apiKey: adminKey }));
  const created = await admin.createInstitution({
    idempotencyKey: crypto.randomUUID(),
    institutionInput: {
      code: `TS_STATS_${crypto.randomUUID().slice(0, 8).toUpperCase()}`, kind: InstitutionKind.PublicBody,
      names: { ar: 'الوكالة الحضرية', fr: 'Agence urbaine' }, regionId: 4, services: [Service.Complaints],
    },
  });
  const agent = await admin.createApiKey({
    idempotencyKey: crypto.randomUUID(),
    apiKeyInput: { name: 'TS statistiques', role: Role.Agent, institutionId: created.id },
  });
  return { id: created.id, agentKey: agent.secret };
}

function complain(institutionId) {
  return new ComplaintsApi(bawaba({ baseUrl })).submitComplaint({
    idempotencyKey: crypto.randomUUID(),
    complaintInput: {
      institutionId, kind: ComplaintKind.Complaint, categoryId: 2, subject: 'Permis de construire en attente',
      content: "Ma demande de permis de construire est sans réponse depuis trois mois.",
      requester: {
        firstName: 'Nadia', lastName: 'Tazi', idDocumentType: IdDocumentType.Cin, idDocumentNumber: 'GH112233',
        email: 'nadia.tazi@example.ma',
      },
    },
  });
}

/** The statistics follow the cases a second or so behind: read until the group holds what the test filed. */
async function figuresOf(institutionId, received) {
  const statistics = new StatisticsApi(bawaba({ baseUrl }));
  for (let attempt = 0; attempt < 40; attempt++) {
    const read = await statistics.getStatistics({ institutionId, groupBy: [StatisticsDimension.Service] });
    if (read.groups.length === 1 && (read.groups[0].suppressed ? 0 : read.groups[0].received) === received) {
      return read;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the statistics of ${institutionId} never reached ${received} cases`);
}

test('a dashboard reads typed figures, and a small group is suppressed', async () => {
  const body = await agency();
  const first = await complain(body.id);
  const small = await new StatisticsApi(bawaba({ baseUrl })).getStatistics({ institutionId: body.id, groupBy: [StatisticsDimension.Body] });
  // One case, or none yet counted: never a figure that could identify it.
  for (const group of small.groups) {
    assert.equal(group.suppressed, true);
    assert.equal(group.received, undefined);
  }

  const agent = new ComplaintsApi(bawaba({ baseUrl, apiKey: body.agentKey }));
  const seen = await agent.getComplaint({ number: first.complaint.number });
  await agent.transitionComplaint({
    number: first.complaint.number, ifMatch: ifMatch(seen.version),
    complaintTransition: { to: ComplaintTransitionTarget.Answered, answer: 'Votre permis est signé.' },
  });
  for (let i = 0; i < 4; i++) {
    await complain(body.id);
  }

  const statistics = await figuresOf(body.id, 5);
  const group = statistics.groups[0];
  assert.equal(group.service, Service.Complaints);
  assert.equal(group.suppressed, false);
  assert.equal(group.responded, 1);
  assert.equal(group.respondedOnTime, 1);
  assert.equal(group.onTimeShare, 1);
  assert.equal(group.medianDays, 0);
  assert.equal(group.durationUnit, DurationUnit.CalendarDays);
  assert.deepEqual(group.complaints.ratingCounts, [0, 0, 0, 0, 0]);
  assert.ok(!Number.isNaN(new Date(statistics.countedUpTo).getTime()));
  assert.equal(statistics.suppressionThreshold, 5);

  const ranking = await new StatisticsApi(bawaba({ baseUrl })).getStatisticsRanking({ service: Service.Complaints });
  assert.ok(ranking.items.every((item, index) => item.rank === index + 1));

  // The same table as CSV (open data), by content negotiation.
  const csv = await fetch(`${baseUrl}/statistics?institutionId=${body.id}&groupBy=SERVICE`, { headers: { Accept: 'text/csv' } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const [header, row] = (await csv.text()).trim().split('\r\n');
  assert.ok(header.startsWith('service,month,institutionId,'));
  assert.ok(row.startsWith('COMPLAINTS,,'));
});
