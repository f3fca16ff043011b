// Law 09-08, right of access, as a front end offers it: "download my data" saves everything held about a case.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, ComplaintsApi, ComplaintKind, ComplaintStatus, ComplaintTransitionTarget, IdDocumentType, Role, Service,
  ProblemCode, bawaba, call, ifMatch, isProblem,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;
const MINISTRY_OF_JUSTICE = 2;

test('a citizen downloads everything held about their complaint, and its documents from the links in it', async () => {
  const receipt = await new ComplaintsApi(bawaba({ baseUrl, language: 'fr' })).submitComplaint({
    idempotencyKey: crypto.randomUUID(),
    complaintInput: {
      institutionId: MINISTRY_OF_JUSTICE,
      kind: ComplaintKind.Complaint,
      categoryId: 1,
      subject: 'Copie de jugement',
      content: 'La copie du jugement demandée au greffe ne m’a pas été remise.',
      requester: {
        firstName: 'Hind', lastName: 'Alami', idDocumentType: IdDocumentType.Cin,
        idDocumentNumber: 'HA445566', email: 'hind.alami@example.ma', phone: '+212 661223344',
      },
    },
  });
  const number = receipt.complaint.number;
  const citizen = new ComplaintsApi(bawaba({ baseUrl, caseToken: receipt.caseToken }));
  const pdf = new File(['%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'], 'demande-greffe.pdf', { type: 'application/pdf' });
  const attachment = await citizen.uploadComplaintAttachment({ number, file: pdf, idempotencyKey: crypto.randomUUID() });
  await citizen.sendComplaintMessage({
    number, messageInput: { text: 'Ma demande au greffe est jointe.', attachmentIds: new Set([attachment.id]) },
  });

  const issued = await new AdminApi(bawaba({ baseUrl, apiKey: adminKey })).createApiKey({
    apiKeyInput: { name: 'TS export desk', role: Role.Agent, institutionId: MINISTRY_OF_JUSTICE },
  });
  const agent = new ComplaintsApi(bawaba({ baseUrl, apiKey: issued.secret }));
  const seen = await agent.getComplaint({ number });
  await agent.transitionComplaint({
    number, ifMatch: ifMatch(seen.version),
    complaintTransition: { to: ComplaintTransitionTarget.Answered, answer: 'La copie vous attend au greffe.' },
  });

  const held = await citizen.exportComplaint({ number });
  assert.equal(held.service, Service.Complaints);
  assert.equal(held.number, number);
  assert.equal(typeof held.exportedAt, 'string');
  assert.equal(held.complaint.status, ComplaintStatus.Answered);
  assert.equal(held.complaint.requester.phone, '+212 661223344');
  assert.equal(held.complaint.answers[0].text, 'La copie vous attend au greffe.');
  assert.equal(held.complaint.anonymisedAt, undefined);
  assert.equal(held.informationRequest, undefined);
  assert.deepEqual(held.messages.map((message) => message.text), ['Ma demande au greffe est jointe.']);
  assert.deepEqual(held.payments, []);
  assert.deepEqual(held.timeline.map((entry) => entry.type), ['SUBMITTED', 'ATTACHMENT_ADDED', 'MESSAGE_SENT', 'ANSWERED']);
  assert.equal(held.attachments.length, 1);
  assert.equal(held.attachments[0].fileName, 'demande-greffe.pdf');

  // A front end saves the document as it is, and follows the links with the same token.
  const document = await fetch(new URL(held.attachments[0].href, baseUrl), { headers: { 'X-Case-Token': receipt.caseToken } });
  assert.equal(document.status, 200);
  assert.equal(await document.text(), await pdf.text());

  // Staff read the case itself; the export is the holder's.
  await assert.rejects(call(() => agent.exportComplaint({ number })),
    (error) => isProblem(error, ProblemCode.Forbidden) && error.status === 403);
});
