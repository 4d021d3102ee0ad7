// BullMQ queues and workers of outbound delivery: one queue per peer, job id = message id.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { backoffDelay, type BackoffOptions } from './backoff.js';

/** Data of one delivery job. */
export interface DeliveryJobData {
  messageId: string;
  expiresAt: string;
}

/** Settings of the outbound queues. */
export interface OutboundQueueOptions {
  /** Connection for the queues; workers open their own blocking connections from it. */
  connection: Redis;
  /** BullMQ key prefix (under the node's prefix). */
  prefix: string;
  concurrencyPerPeer: number;
  lockDurationMs: number;
  backoff: BackoffOptions;
  random?: () => number;
  now?: () => Date;
  /**
   * Errors of a worker itself (not of a job: a lost Redis connection). BullMQ reconnects and
   * goes on; the node logs and counts them so that a worker that cannot work shows.
   */
  onWorkerError?: (peer: string, err: Error) => void;
}

/** Performs one delivery attempt; throws to retry, throws UnrecoverableError to stop, returns when done. */
export type DeliveryProcessor = (peer: string, job: Job<DeliveryJobData>) => Promise<void>;

/**
 * Outbound delivery queues. BullMQ's open-source edition has no per-group concurrency, so the
 * node keeps one queue per peer: each has its own worker concurrency (a slow peer cannot starve
 * the others) and its own backlog. The job id is the message id, so submitting a message twice
 * is one job. Jobs retry with exponential backoff and jitter until the message expires; jobs of a
 * crashed process are taken over when their lock lapses (stalled-job recovery).
 */
export class OutboundQueues {
  readonly #opts: Required<OutboundQueueOptions>;
  readonly #queues = new Map<string, Queue<DeliveryJobData>>();
  readonly #workers = new Map<string, Worker<DeliveryJobData>>();
  /** The connection given to each worker: BullMQ does not close a connection it was given. */
  readonly #workerConnections: Redis[] = [];
  #processor: DeliveryProcessor | undefined;

  constructor(options: OutboundQueueOptions) {
    this.#opts = {
      random: Math.random,
      now: () => new Date(),
      onWorkerError: () => undefined,
      ...options,
    };
  }

  /** The connection the queues use (the caller's; not closed by `close`). */
  get connection(): Redis {
    return this.#opts.connection;
  }

  /** The queue of one peer (created on first use). */
  queue(peer: string): Queue<DeliveryJobData> {
    let q = this.#queues.get(peer);
    if (!q) {
      q = new Queue<DeliveryJobData>(queueName(peer), {
        connection: this.#opts.connection,
        prefix: this.#opts.prefix,
      });
      this.#queues.set(peer, q);
    }
    return q;
  }

  /** Adds the delivery job of a message; a second call for the same id is a no-op while the job exists. */
  async enqueue(peer: string, data: DeliveryJobData): Promise<void> {
    await this.queue(peer).add('deliver', data, {
      jobId: data.messageId,
      attempts: Number.MAX_SAFE_INTEGER,
      backoff: { type: 'ffx-expiry-bounded' },
      // The message store keeps every outcome and its history; a finished job is only a cost.
      removeOnComplete: true,
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  /**
   * Puts a message back for delivery: retries its failed job, or adds a new job when none is
   * left. Resolves to false when a job for it is already waiting or running.
   */
  async requeue(peer: string, data: DeliveryJobData): Promise<boolean> {
    const q = this.queue(peer);
    const job = await q.getJob(data.messageId);
    if (job) {
      const state = await job.getState();
      if (state === 'failed' || state === 'completed') await job.remove();
      else return false;
    }
    await this.enqueue(peer, data);
    return true;
  }

  /** Starts (or keeps) a worker for each peer given, all running `processor`. */
  startWorkers(peers: Iterable<string>, processor: DeliveryProcessor): void {
    this.#processor = processor;
    for (const peer of peers) {
      if (this.#workers.has(peer)) continue;
      const connection = this.#opts.connection.duplicate();
      this.#workerConnections.push(connection);
      const worker = new Worker<DeliveryJobData>(queueName(peer), (job) => processor(peer, job), {
        connection,
        prefix: this.#opts.prefix,
        concurrency: this.#opts.concurrencyPerPeer,
        lockDuration: this.#opts.lockDurationMs,
        stalledInterval: Math.max(500, Math.floor(this.#opts.lockDurationMs / 2)),
        maxStalledCount: 1000,
        settings: {
          backoffStrategy: (attemptsMade, _type, _err, job) => {
            const expiresAt = Date.parse(
              (job?.data as DeliveryJobData | undefined)?.expiresAt ?? '',
            );
            const left = Number.isFinite(expiresAt) ? expiresAt - this.#opts.now().getTime() : 0;
            return backoffDelay(attemptsMade, this.#opts.backoff, this.#opts.random, left);
          },
        },
      });
      // Errors of the worker itself (lost Redis connection) are retried by BullMQ; handled here
      // they do not become unhandled 'error' events that would crash the process.
      worker.on('error', (err) => this.#opts.onWorkerError(peer, err));
      this.#workers.set(peer, worker);
    }
  }

  /** Starts a worker for a peer that appeared later (a new directory), with the same processor. */
  ensureWorker(peer: string): void {
    if (this.#processor) this.startWorkers([peer], this.#processor);
  }

  /** Jobs waiting, delayed or running for a peer. */
  async counts(peer: string): Promise<Record<string, number>> {
    return this.queue(peer).getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed');
  }

  /** Stops workers (letting running attempts finish up to `graceMs`) and closes queues. */
  async close(graceMs = 5000): Promise<void> {
    const closing = [...this.#workers.values()].map((w) =>
      Promise.race([w.close(), new Promise((r) => setTimeout(r, graceMs).unref())]).then(() =>
        w.close(true),
      ),
    );
    await Promise.allSettled(closing);
    await Promise.allSettled([...this.#queues.values()].map((q) => q.close()));
    for (const c of this.#workerConnections.splice(0)) c.disconnect();
    this.#workers.clear();
    this.#queues.clear();
  }
}

function queueName(peer: string): string {
  return `out.${peer}`;
}
