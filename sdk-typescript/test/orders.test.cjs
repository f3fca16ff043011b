// Civil-status document orders through the generated TypeScript SDK, as a watiqa front end and an office's back office
// drive them: the citizen orders and pays through the sandbox provider, cancels or is refunded.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  AdminApi, DocumentOrdersApi, PaymentsApi, DeliveryDestination, DocumentOrderStatus, DocumentOrderTransitionTarget,
  IdDocumentType, OfficeKind, PaymentOutcome, PaymentStatus, RegistrationCalendar, RequesterRelation, Role, bawaba, ifMatch,
} = require('../dist/src/index.js');

const baseUrl = process.env.BAWABA_URL;
const adminKey = process.env.BAWABA_ADMIN_KEY;
/** Extract of a birth certificate: 20.00 MAD a copy, 15.00 MAD postage within Morocco. */
const BIRTH_CERTIFICATE_EXTRACT = 1;

/** A civil-status office of the test's own, and the key of its clerk. */
async function office() {
  const admin = new AdminApi(bawaba({ baseUrl, apiKey: adminKey }));
  const code = `BEC_TS_${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const created = await admin.createCivilStatusOffice({
    idempotencyKey: crypto.randomUUID(),
    civilStatusOfficeInput: {
      code, kind: OfficeKind.Communal, names: { ar: 'مكتب الحالة المدنية المعاريف', fr: `Bureau d'état civil ${code}` },
      communeId: 1001, countryCode: 'MA', city: 'Casablanca',
    },
  });
  const clerk = await admin.createApiKey({
    idempotencyKey: crypto.randomUUID(),
    apiKeyInput: { name: 'TS guichet Maârif', role: Role.OfficeClerk, officeId: created.id },
  });
  return { id: created.id, clerkKey: clerk.secret };
}

function order(officeId) {
  return new DocumentOrdersApi(bawaba({ baseUrl, language: 'fr' })).submitDocumentOrder({
    idempotencyKey: crypto.randomUUID(),
    documentOrderInput: {
      officeId, documentTypeId: BIRTH_CERTIFICATE_EXTRACT, copies: 1,
      birthAct: {
        actNumber: '587', registrationYear: 1988, registrationCalendar: RegistrationCalendar.Gregorian,
        firstNameArabic: 'كريم', lastNameArabic: 'الفاسي', firstNameLatin: 'Karim', lastNameLatin: 'El Fassi',
        dateOfBirth: '1988-11-02', fatherName: 'Ahmed El Fassi', motherName: 'Khadija Bennani',
      },
      requester: {
        firstName: 'Karim', lastName: 'El Fassi', idDocumentType: IdDocumentType.Cin,
        idDocumentNumber: 'BK556677', email: 'karim.elfassi@example.ma',
      },
      relation: RequesterRelation.Self,
      delivery: {
        destination: DeliveryDestination.Morocco, addressee: 'Karim El Fassi',
        street: '45 boulevard Zerktouni, Maârif', city: 'Casablanca', postalCode: '20330',
      },
    },
  });
}

const sandbox = (paymentReference, outcome) =>
  new PaymentsApi(bawaba({ baseUrl })).simulatePayment({ sandboxPayment: { paymentReference, outcome } });

test('a citizen cancels an order before paying it, and owes nothing', async () => {
  const receipt = await order((await office()).id);
  assert.equal(receipt.order.status, DocumentOrderStatus.PendingPayment);
  assert.equal(receipt.order.payment.status, PaymentStatus.Due);

  const citizen = new DocumentOrdersApi(bawaba({ baseUrl, caseToken: receipt.caseToken }));
  const cancelled = await citizen.cancelDocumentOrder({ number: receipt.order.number, ifMatch: ifMatch(receipt.order.version) });
  assert.equal(cancelled.status, DocumentOrderStatus.Cancelled);
  assert.equal(cancelled.payment.status, PaymentStatus.NotDue);
  const followed = await citizen.getDocumentOrder({ number: receipt.order.number });
  assert.equal(followed.status, DocumentOrderStatus.Cancelled);
  assert.equal(followed.payment.status, PaymentStatus.NotDue);
});

test('an office rejects a paid order and the citizen follows the refund until the provider confirms it', async () => {
  const { id, clerkKey } = await office();
  const receipt = await order(id);
  const { number } = receipt.order;
  const { reference } = receipt.order.payment;
  assert.deepEqual(receipt.order.fee.total, { amount: '35.00', currency: 'MAD' });
  const paid = await sandbox(reference, PaymentOutcome.Succeeded);
  assert.equal(paid.acknowledgement.status, DocumentOrderStatus.AtOffice);

  const clerk = new DocumentOrdersApi(bawaba({ baseUrl, apiKey: clerkKey }));
  const seen = await clerk.getDocumentOrder({ number });
  const reason = 'Aucun acte ne porte le numéro 587 en 1988 dans nos registres.';
  const rejected = await clerk.transitionDocumentOrder({
    number, ifMatch: ifMatch(seen.version),
    documentOrderTransition: { to: DocumentOrderTransitionTarget.Rejected, reason },
  });
  assert.equal(rejected.status, DocumentOrderStatus.Rejected);

  const citizen = new DocumentOrdersApi(bawaba({ baseUrl, caseToken: receipt.caseToken, language: 'fr' }));
  const owed = await citizen.getDocumentOrder({ number });
  assert.equal(owed.status, DocumentOrderStatus.Rejected);
  assert.equal(owed.rejectionReason, reason);
  assert.equal(owed.payment.status, PaymentStatus.RefundDue);
  // Everything paid comes back, postage included.
  assert.deepEqual(owed.payment.refund.amount, receipt.order.fee.total);
  assert.equal(owed.payment.refund.reference, `RFD-${number.slice(3)}`);
  assert.ok(owed.payment.refund.dueSince);
  assert.equal(owed.payment.refund.confirmedAt, undefined);

  const refunded = await sandbox(reference, PaymentOutcome.Refunded);
  assert.equal(refunded.acknowledgement.orderNumber, number);
  assert.equal(refunded.acknowledgement.status, DocumentOrderStatus.Rejected);
  const settled = await citizen.getDocumentOrder({ number });
  assert.equal(settled.payment.status, PaymentStatus.Refunded);
  assert.ok(settled.payment.refund.confirmedAt);
});
