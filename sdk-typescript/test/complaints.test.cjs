// A citizen's complaint through the generated TypeScript SDK, as a chikaya front end would drive it.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, ComplaintsApi, FaqApi, TrackingApi, ComplaintKind, ComplaintStatus, ComplaintTransitionTarget,
  IdDocumentType, Role, Service, ProblemCode, bawaba, call, allPages, ifMatch, isProblem, BawabaProblem,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;
const MINISTRY_OF_JUSTICE = 2;

test('a citizen files a complaint, attaches a document, is answered, rates and reopens it', async () => {
  const issued = await new AdminApi(bawaba({ baseUrl, apiKey: adminKey })).createApiKey({
    apiKeyInput: { name: 'TS complaints desk', role: Role.Agent, institutionId: MINISTRY_OF_JUSTICE },
  });

  const receipt = await new ComplaintsApi(bawaba({ baseUrl, language: 'fr' })).submitComplaint({
    idempotencyKey: crypto.randomUUID(),
    complaintInput: {
      institutionId: MINISTRY_OF_JUSTICE,
      kind: ComplaintKind.Complaint,
      categoryId: 1,
      subject: 'Casier judiciaire jamais délivré',
      content: 'Ma demande de casier judiciaire déposée en ligne est restée sans suite depuis deux mois.',
      requester: {
        firstName: 'Salma', lastName: 'Idrissi', idDocumentType: IdDocumentType.Cin,
        idDocumentNumber: 'CD987654', email: 'salma.idrissi@example.ma',
      },
    },
  });
  const number = receipt.complaint.number;
  assert.equal(receipt.complaint.status, ComplaintStatus.Received);

  const citizen = new ComplaintsApi(bawaba({ baseUrl, caseToken: receipt.caseToken }));
  const pdf = new File(['%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'], 'recu.pdf', { type: 'application/pdf' });
  const attachment = await citizen.uploadComplaintAttachment({ number, file: pdf, idempotencyKey: crypto.randomUUID() });
  assert.equal(attachment.mediaType, 'application/pdf');
  assert.equal(attachment.fileName, 'recu.pdf');
  await citizen.sendComplaintMessage({
    number, messageInput: { text: 'Le reçu de ma demande est joint.', attachmentIds: new Set([attachment.id]) },
  });

  const agent = new ComplaintsApi(bawaba({ baseUrl, apiKey: issued.secret }));
  const inbox = await agent.listComplaints({ status: ComplaintStatus.Received, limit: 100 });
  assert.ok(inbox.items.some((item) => item.number === number));
  const seen = await agent.getComplaint({ number });
  assert.equal(seen.requester.lastName, 'Idrissi');
  await agent.transitionComplaint({
    number, ifMatch: ifMatch(seen.version),
    complaintTransition: { to: ComplaintTransitionTarget.Answered, answer: 'Le casier est disponible au tribunal de Rabat.' },
  });

  const { caseToken } = await new TrackingApi(bawaba({ baseUrl })).trackCase({
    trackingRequest: { number, email: 'salma.idrissi@example.ma' },
  });
  const returning = new ComplaintsApi(bawaba({ baseUrl, caseToken, language: 'en' }));
  const answered = await returning.getComplaint({ number });
  assert.equal(answered.status, ComplaintStatus.Answered);
  const rated = await returning.rateComplaint({
    number, ifMatch: ifMatch(answered.version), ratingInput: { satisfied: false, score: 1 },
  });
  await assert.rejects(
    call(() => returning.rateComplaint({ number, ifMatch: ifMatch(rated.version), ratingInput: { satisfied: true, score: 5 } })),
    (error) => isProblem(error, ProblemCode.AlreadyRated) && error.status === 409,
  );
  const reopened = await returning.reopenComplaint({
    number, ifMatch: ifMatch(rated.version), reopenInput: { reason: 'Le tribunal dit ne pas avoir le document.' },
  });
  assert.equal(reopened.status, ComplaintStatus.Reopened);

  const timeline = await returning.getComplaintTimeline({ number, limit: 100 });
  assert.deepEqual(timeline.items.map((entry) => entry.type),
    ['SUBMITTED', 'ATTACHMENT_ADDED', 'MESSAGE_SENT', 'ANSWERED', 'RATED', 'REOPENED', 'MESSAGE_SENT']);
  // Each event carries the payload of its type, and names the body that acted.
  assert.deepEqual(timeline.items[4].data, { type: 'RATED', answerSequence: 1, satisfied: false, score: 1 });
  assert.equal(timeline.items[5].data.reopenCount, 1);
  assert.equal(timeline.items[3].actingInstitutionId, timeline.items[3].institutionId);
  const downloaded = await returning.downloadComplaintAttachment({ number, attachmentId: attachment.id });
  assert.equal(await downloaded.text(), await pdf.text());
});

test('another citizen\'s token cannot open the complaint', async () => {
  const filing = (email) => new ComplaintsApi(bawaba({ baseUrl })).submitComplaint({
    complaintInput: {
      institutionId: MINISTRY_OF_JUSTICE, kind: ComplaintKind.Suggestion, categoryId: 2,
      subject: 'Horaires du guichet', content: 'Ouvrir le guichet le samedi matin aiderait les salariés.',
      requester: { firstName: 'Omar', lastName: 'Tazi', idDocumentType: IdDocumentType.Passport, idDocumentNumber: 'XK1234567', email },
    },
  });
  const mine = await filing('omar.tazi@example.ma');
  const theirs = await filing('autre@example.ma');
  const intruder = new ComplaintsApi(bawaba({ baseUrl, caseToken: theirs.caseToken }));
  await assert.rejects(call(() => intruder.getComplaint({ number: mine.complaint.number })),
    (error) => error instanceof BawabaProblem && error.status === 404);
});

test('the FAQ answers in the language of the citizen', async () => {
  await new AdminApi(bawaba({ baseUrl, apiKey: adminKey })).createFaqEntry({
    faqEntryInput: {
      service: Service.Complaints, position: 2,
      question: { ar: 'هل يمكنني إعادة فتح شكايتي؟', fr: 'Puis-je rouvrir ma plainte ?', en: 'Can I reopen my complaint?' },
      answer: { ar: 'نعم، داخل أجل ثلاثين يوما.', fr: 'Oui, dans les trente jours.', en: 'Yes, within thirty days.' },
    },
  });
  const questions = [];
  const faq = new FaqApi(bawaba({ baseUrl, language: 'en' }));
  for await (const entry of allPages((cursor) => faq.listFaq({ service: Service.Complaints, limit: 100, cursor }))) {
    questions.push(entry.question);
  }
  assert.ok(questions.includes('Can I reopen my complaint?'));
});
