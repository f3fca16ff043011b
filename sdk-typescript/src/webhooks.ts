// Verifying Bawaba's webhook deliveries (Standard Webhooks, https://www.standardwebhooks.com): hand-written, beside the
// generated client. Checked in test/webhooks.test.cjs against the reference `standardwebhooks` package.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** Why a delivery was not accepted. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Headers as Node's `IncomingMessage.headers`, a fetch `Headers`, or a plain object (names in any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far the timestamp may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The time to check the timestamp against (default: now). */
  now?: Date;
}

function keyOf(secret: string): Buffer {
  if (!secret) {
    throw new Error('a webhook secret is required');
  }
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length) : secret, 'base64');
}

function header(headers: WebhookHeaders, name: string): string {
  let value: string | string[] | null | undefined;
  if (typeof (headers as Headers).get === 'function') {
    value = (headers as Headers).get(name);
  } else {
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    value = entry?.[1];
  }
  const single = Array.isArray(value) ? value[0] : value;
  if (!single) {
    throw new WebhookVerificationError(`Missing required header ${name}`);
  }
  return single;
}

/** The signature a secret gives a delivery: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export function signWebhook(secret: string, webhookId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${webhookId}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/**
 * Verifies a delivery from its raw body (the exact text received: parse it only afterwards) and its headers, and
 * returns the parsed payload. One valid `v1` signature among several suffices (during a secret's rotation Bawaba
 * sends one per secret). Throws a WebhookVerificationError otherwise. De-duplicate on `webhook-id`: retries and
 * replays keep it.
 */
export function verifyWebhook<T = unknown>(secret: string, body: string, headers: WebhookHeaders, options: VerifyOptions = {}): T {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!/^[0-9]+$/.test(timestamp)) {
    throw new WebhookVerificationError('Invalid webhook-timestamp');
  }
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (seconds < now - tolerance) {
    throw new WebhookVerificationError('Message timestamp too old');
  }
  if (seconds > now + tolerance) {
    throw new WebhookVerificationError('Message timestamp too new');
  }
  const expected = Buffer.from(signWebhook(secret, id, seconds, body).substring(3));
  const matches = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || value === undefined) {
      return false;
    }
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new WebhookVerificationError('No matching signature found');
  }
  return JSON.parse(body) as T;
}
