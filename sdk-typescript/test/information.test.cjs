// An access-to-information request through the generated TypeScript SDK, as a chafafiya front end drives it.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, InformationRequestsApi, AppealLevel, IdDocumentType, InformationRequestStatus,
  InformationRequestTransitionTarget, InformationRequestType, PreferredFormat, ProblemCode, Role, bawaba, call, ifMatch, isProblem,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;
const MINISTRY_OF_JUSTICE = 2;

test('an urgent request explains its due date, is extended once, then answered', async () => {
  const officerKey = (await new AdminApi(bawaba({ baseUrl, apiKey: adminKey })).createApiKey({
    apiKeyInput: { name: 'TS information officer', role: Role.Agent, institutionId: MINISTRY_OF_JUSTICE },
  })).secret;
  const receipt = await new InformationRequestsApi(bawaba({ baseUrl, language: 'ar' })).submitInformationRequest({
    idempotencyKey: crypto.randomUUID(),
    informationRequestInput: {
      institutionId: MINISTRY_OF_JUSTICE,
      type: InformationRequestType.Urgent,
      urgencyJustification: 'ابني معتقل وأحتاج إلى معرفة تاريخ جلسته.',
      requester: {
        firstName: 'Hamid', lastName: 'Chraibi', idDocumentType: IdDocumentType.Cin,
        idDocumentNumber: 'JK445566', email: 'hamid.chraibi@example.ma',
      },
      description: 'Date of the next hearing in case 2026/1234 before the Court of First Instance of Fès.',
      preferredFormat: PreferredFormat.ElectronicCopy,
    },
  });
  const { request } = receipt;
  assert.equal(request.deadline.workingDays, 3);
  assert.equal(request.dueDate, request.deadline.dueDate);
  assert.match(request.dueDate, /^\d{4}-\d{2}-\d{2}$/);

  const officer = new InformationRequestsApi(bawaba({ baseUrl, apiKey: officerKey }));
  const extended = await officer.transitionInformationRequest({
    number: request.number, ifMatch: ifMatch(request.version),
    informationRequestTransition: { to: InformationRequestTransitionTarget.Extended, reason: 'Le dossier est au greffe de Meknès.' },
  });
  assert.equal(extended.status, InformationRequestStatus.Extended);
  assert.equal(extended.deadline.extension.workingDays, 3);
  await assert.rejects(call(() => officer.transitionInformationRequest({
    number: request.number, ifMatch: ifMatch(extended.version),
    informationRequestTransition: { to: InformationRequestTransitionTarget.Extended, reason: 'Encore une fois.' },
  })), (error) => isProblem(error, ProblemCode.TransitionNotAllowed)
    && error.problem.currentStatus === InformationRequestStatus.Extended);

  const answered = await officer.transitionInformationRequest({
    number: request.number, ifMatch: ifMatch(extended.version),
    informationRequestTransition: { to: InformationRequestTransitionTarget.Answered, answer: 'L’audience est fixée au 14 janvier.' },
  });
  assert.equal(answered.status, InformationRequestStatus.Answered);

  const requester = new InformationRequestsApi(bawaba({ baseUrl, caseToken: receipt.caseToken }));
  const seen = await requester.getInformationRequest({ number: request.number });
  assert.equal(seen.answer.text, 'L’audience est fixée au 14 janvier.');
  await assert.rejects(call(() => requester.fileInformationAppeal({
    number: request.number, ifMatch: ifMatch(seen.version),
    appealInput: { level: AppealLevel.InternalComplaint, reason: 'Je veux faire appel quand même.' },
  })), (error) => isProblem(error, ProblemCode.TransitionNotAllowed)
    && error.problem.currentStatus === InformationRequestStatus.Answered);
});
