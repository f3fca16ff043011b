// The SDK's webhook verification checked against the reference implementation of Standard Webhooks (the
// `standardwebhooks` package): each verifies what the other signs. Needs no server.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Webhook } = require('standardwebhooks');
const { verifyWebhook, signWebhook, WebhookVerificationError } = require('../dist/src/index.js');

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = JSON.stringify({ type: 'ANSWERED', timestamp: '2026-12-01T15:00:00+01:00',
  data: { eventId: 9051, caseNumber: 'CP-2026-7KQ4-M2XD', service: 'COMPLAINTS' } });

function delivery(signingSecret = secret, at = new Date()) {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const signature = new Webhook(signingSecret).sign(id, at, body);
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

test('what the reference library signs, the SDK verifies and parses', () => {
  const payload = verifyWebhook(secret, body, delivery());
  assert.equal(payload.data.caseNumber, 'CP-2026-7KQ4-M2XD');
});

test('what the SDK signs, the reference library verifies', () => {
  const at = new Date();
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const seconds = Math.floor(at.getTime() / 1000);
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': signWebhook(secret, id, seconds, body) };
  assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
});

test('both sign the specification vector alike', () => {
  const timestamp = new Date(1614265330 * 1000);
  const reference = new Webhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp, '{"test": 2432232314}');
  assert.equal(reference, 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  assert.equal(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'), reference);
});

test('during a rotation either secret verifies the two signatures Bawaba sends', () => {
  const previous = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
  const headers = delivery();
  const seconds = Number(headers['webhook-timestamp']);
  headers['webhook-signature'] = `${signWebhook(secret, headers['webhook-id'], seconds, body)} ${signWebhook(previous, headers['webhook-id'], seconds, body)}`;
  verifyWebhook(secret, body, headers);
  verifyWebhook(previous, body, headers);
  new Webhook(previous).verify(body, headers);
});

test('headers come in any case, and as a fetch Headers object', () => {
  const headers = delivery();
  verifyWebhook(secret, body, Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value])));
  verifyWebhook(secret, body, new Headers(headers));
});

test('a tampered body, another secret, a stale or future timestamp and missing headers are refused', () => {
  const headers = delivery();
  assert.throws(() => verifyWebhook(secret, body.replace('9051', '9052'), headers), WebhookVerificationError);
  assert.throws(() => verifyWebhook('whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD', body, headers), WebhookVerificationError);
  const old = delivery(secret, new Date(Date.now() - 301 * 1000));
  assert.throws(() => verifyWebhook(secret, body, old), /too old/);
  assert.throws(() => new Webhook(secret).verify(body, old));
  assert.throws(() => verifyWebhook(secret, body, delivery(secret, new Date(Date.now() + 301 * 1000))), /too new/);
  const { 'webhook-id': _, ...withoutId } = headers;
  assert.throws(() => verifyWebhook(secret, body, withoutId), /webhook-id/);
  assert.throws(() => verifyWebhook(secret, body, { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') }),
    WebhookVerificationError);
});
