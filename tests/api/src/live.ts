import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { type ApiClient, type TestApi } from './harness';

/** What the live suites read of a LiveEvent (each query picks its fields). */
export interface LiveEvent {
  claimId: string | null;
  action: string;
  actorName: string | null;
  summary: string;
  entityType: string;
  entityId?: string;
  fields?: string[];
}

/** A graphql-ws client that sends the signed-in browser's cookie with the upgrade, like a browser. */
export function socketClient(
  api: TestApi,
  session: ApiClient | null,
  headers: Record<string, string> = {},
): Client {
  const cookie = session?.cookie;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
    }
  }
  return createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: BrowserLikeSocket,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and resolves with the first `count` events, or rejects with the first error. */
export function nextEvents(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count = 1,
  field: 'claimActivity' | 'myActivity' = 'claimActivity',
) {
  const events: LiveEvent[] = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  const done = new Promise<LiveEvent[]>((resolve, reject) => {
    const unsubscribe = client.subscribe<Record<string, LiveEvent>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          if (result.data) events.push(result.data[field]);
          if (events.length >= count) {
            unsubscribe();
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(events),
      },
    );
  });
  // graphql-ws acknowledges the connection before the subscription is live; give the server a
  // round trip (a query on the same socket is refused, so use the ack event).
  client.on('connected', () => setTimeout(ready, 100));
  return { subscribed, done };
}

/**
 * Subscribes and keeps every whole result (data and errors, as delivered) until `stop`, for
 * asserting on everything a subscriber was sent rather than on chosen fields.
 */
export function recordEvents(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const results: { data?: Record<string, unknown> | null; errors?: readonly unknown[] }[] = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  const stop = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (result) => void results.push(result),
      error: (error) => void results.push({ errors: [String(error)] }),
      complete: () => undefined,
    },
  );
  client.on('connected', () => setTimeout(ready, 100));
  return { subscribed, results, stop };
}
