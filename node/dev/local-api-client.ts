// A small typed client of a node's local API (demo, tests, scripts).
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** An HTTP answer that was not 2xx. */
export class LocalApiError extends Error {
  readonly status: number;
  readonly problem: Record<string, unknown>;
  constructor(status: number, problem: Record<string, unknown>) {
    super(`HTTP ${status} ${text(problem.code)}: ${text(problem.detail ?? problem.title)}`);
    this.name = 'LocalApiError';
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls one node's local API with one bearer token, over kept-alive connections (idle ones do
 * not keep a process alive).
 */
export class LocalApiClient {
  readonly baseUrl: string;
  readonly token: string;
  readonly #https: boolean;
  readonly #agent: HttpAgent;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.#https = new URL(baseUrl).protocol === 'https:';
    this.#agent = this.#https
      ? new HttpsAgent({ keepAlive: true })
      : new HttpAgent({ keepAlive: true });
  }

  /** Any call; resolves to the parsed JSON body of a 2xx answer. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = (this.#https ? httpsRequest : httpRequest)(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.#agent,
          headers: {
            authorization: `Bearer ${this.token}`,
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
          },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () =>
            resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          r.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    const parsed = res.text ? (JSON.parse(res.text) as unknown) : undefined;
    if (res.status < 200 || res.status > 299)
      throw new LocalApiError(res.status, (parsed ?? {}) as Record<string, unknown>);
    return parsed as T;
  }

  submit(req: Schemas['SubmitRequest']): Promise<Schemas['SubmitResult']> {
    return this.call('POST', '/v1/messages', req);
  }

  reply(inboxId: string, req: Schemas['ReplyRequest']): Promise<Schemas['SubmitResult']> {
    return this.call('POST', `/v1/inbox/${inboxId}/reply`, req);
  }

  outbox(query = ''): Promise<Schemas['MessageList']> {
    return this.call('GET', `/v1/outbox${query}`);
  }

  inbox(query = ''): Promise<Schemas['MessageList']> {
    return this.call('GET', `/v1/inbox${query}`);
  }

  outboxMessage(id: string): Promise<Schemas['MessageDetail']> {
    return this.call('GET', `/v1/outbox/${id}`);
  }

  inboxMessage(id: string): Promise<Schemas['MessageDetail']> {
    return this.call('GET', `/v1/inbox/${id}`);
  }

  /**
   * Polls an outbox message until its status is one of `statuses`; rejects after `timeoutMs`
   * with the last status seen.
   */
  async waitForStatus(
    id: string,
    statuses: string[],
    timeoutMs = 30_000,
    intervalMs = 100,
  ): Promise<Schemas['MessageDetail']> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = await this.outboxMessage(id);
      const last = m.summary.status;
      if (statuses.includes(last)) return m;
      if (Date.now() > deadline)
        throw new Error(
          `message ${id} still ${last} after ${timeoutMs} ms (waiting for ${statuses.join('|')})`,
        );
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
