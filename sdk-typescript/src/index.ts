// The public surface of @bawaba/sdk: everything generated from the contract, plus a thin layer that front ends
// would otherwise each write again (credentials, typed problems, cursor paging).
export * from '../target/generated-sources/openapi/index';

import { Configuration, ProblemCode, ResponseError } from '../target/generated-sources/openapi/index';
import type { InboxEvent, InboxItem, ListInboxRequest, Problem } from '../target/generated-sources/openapi/index';
import { InboxApi } from '../target/generated-sources/openapi/index';

/** Options of a Bawaba client: the API's base URL and at most one credential. */
export interface BawabaOptions {
  baseUrl: string;
  apiKey?: string;
  caseToken?: string;
  bearerToken?: string;
  language?: 'ar' | 'fr' | 'en';
  fetchApi?: typeof fetch;
}

/** A configuration for the generated API classes, e.g. `new ReferenceApi(bawaba({ baseUrl }))`. */
export function bawaba(options: BawabaOptions): Configuration {
  const headers: Record<string, string> = {};
  if (options.apiKey) headers['X-Api-Key'] = options.apiKey;
  if (options.caseToken) headers['X-Case-Token'] = options.caseToken;
  if (options.language) headers['Accept-Language'] = options.language;
  return new Configuration({
    basePath: options.baseUrl.replace(/\/+$/, ''),
    headers,
    accessToken: options.bearerToken,
    fetchApi: options.fetchApi,
  });
}

/**
 * A failed call with the server's problem+json (RFC 9457) read out. Branch on `code` and read the facts beside it
 * (`problem.currentStatus`, `problem.allowedUntil`, `problem.limit`...); `detail` is for people.
 */
export class BawabaProblem extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? ': ' + problem.detail : ''}`);
    this.name = 'BawabaProblem';
  }

  /**
   * What went wrong. The enumeration is open: a server newer than this SDK may send a code it does not list, which
   * arrives as its own string; `ProblemCode.UnknownDefaultOpenApi` when the answer was not a problem at all.
   */
  get code(): ProblemCode | (string & {}) {
    return this.problem.code;
  }
}

/** Whether an error is a {@link BawabaProblem} with that code, e.g. `isProblem(error, ProblemCode.WindowClosed)`. */
export function isProblem(error: unknown, code?: ProblemCode): error is BawabaProblem {
  return error instanceof BawabaProblem && (code === undefined || error.code === code);
}

/** Runs a call and turns an HTTP error into a {@link BawabaProblem} carrying the parsed problem. */
export async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ResponseError) {
      let problem: Problem;
      try {
        // Read as sent, so that facts a newer server adds stay visible; a JSON error without a code (a gateway's) gets one.
        const body = (await error.response.json()) as Problem;
        problem = { ...body, code: body.code ?? ProblemCode.UnknownDefaultOpenApi };
      } catch {
        problem = {
          type: 'about:blank',
          title: error.response.statusText,
          status: error.response.status,
          code: ProblemCode.UnknownDefaultOpenApi,
        };
      }
      throw new BawabaProblem(error.response.status, problem);
    }
    throw error;
  }
}

/** Iterates over every item of a cursor-paged list, fetching pages as needed. */
export async function* allPages<T>(
  fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The If-Match value for a change based on a resource's `version` (its ETag is that number, quoted). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** Where a change-feed follower keeps its position between runs (a file, a database row, local storage). */
export interface PositionStore {
  load(): number | Promise<number>;
  save(position: number): void | Promise<void>;
}

/**
 * Reads every event of the caller's change feed (`GET /inbox/events`) after the stored position, in order, hands each to
 * `handle`, and stores the page's `lastPosition` once the page is handled; resolves to how many events it handled. Call
 * it again to poll. The server gives positions in commit order and never fills a gap later, so a follower that stores
 * its position misses nothing; one that stops between handling a page and storing its position handles that page again
 * on its next run (at least once: the position identifies an event).
 */
export async function followFeed(
  inbox: InboxApi,
  store: PositionStore,
  handle: (event: InboxEvent) => void | Promise<void>,
  limit = 100,
): Promise<number> {
  let after = await store.load();
  let handled = 0;
  for (;;) {
    const page = await call(() => inbox.listInboxEvents({ after, limit }));
    for (const event of page.items) {
      await handle(event);
      handled++;
    }
    after = page.lastPosition;
    await store.save(after);
    if (!page.hasMore) return handled;
  }
}

/** Every case of the caller's inbox with these filters, newest first, fetched page by page as the iteration goes. */
export function inboxItems(inbox: InboxApi, filters: Omit<ListInboxRequest, 'cursor'> = {}): AsyncGenerator<InboxItem> {
  return allPages((cursor) => call(() => inbox.listInbox({ ...filters, cursor })));
}

export { verifyWebhook, signWebhook, WebhookVerificationError } from './webhooks';
export type { WebhookHeaders, VerifyOptions } from './webhooks';
