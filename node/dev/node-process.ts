// A node running as a separate OS process (`ffx node start`), for the demo and integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/ffx.js', import.meta.url));

/** What a started node process reports on its first stdout line. */
export interface ReadyLine {
  nodeId: string;
  instanceId: string;
  peerApi: string;
  localApi: string;
  pid: number;
}

/**
 * Starts and stops one node process. `start` resolves when the process printed its ready line
 * (both APIs listening); it rejects with the process's stderr when it exits first.
 */
export class NodeProcess {
  readonly configFile: string;
  readonly env: NodeJS.ProcessEnv;
  /** Extra options of the Node.js runtime (e.g. `--cpu-prof`), before the script. */
  readonly nodeArgs: string[];
  #child: ChildProcess | undefined;
  #ready: ReadyLine | undefined;
  #stderr = '';

  constructor(configFile: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
    this.configFile = configFile;
    this.env = env;
    this.nodeArgs = nodeArgs;
  }

  get ready(): ReadyLine {
    if (!this.#ready) throw new Error(`node ${this.configFile} is not running`);
    return this.#ready;
  }

  get running(): boolean {
    return (
      this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null
    );
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts the process and waits for its ready line (at most `timeoutMs`). */
  async start(timeoutMs = 30_000): Promise<ReadyLine> {
    if (this.running) return this.ready;
    this.#stderr = '';
    const child = spawn(
      process.execPath,
      [...this.nodeArgs, BIN, 'node', 'start', '--config', this.configFile],
      {
        // libuv's thread pool runs the node's crypto; sized to the cores (unless the caller's
        // environment says otherwise) it wakes fewer idle threads per job than the default 4.
        env: {
          UV_THREADPOOL_SIZE: String(availableParallelism()),
          ...process.env,
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.#child = child;
    child.stderr!.on('data', (d: Buffer) => {
      this.#stderr = (this.#stderr + d.toString()).slice(-8000);
    });
    const lines = createInterface({ input: child.stdout! });
    this.#ready = await new Promise<ReadyLine>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `node ${this.configFile} did not start within ${timeoutMs} ms: ${this.#stderr}`,
          ),
        );
      }, timeoutMs);
      lines.on('line', (line) => {
        try {
          const msg = JSON.parse(line) as { event?: string } & ReadyLine;
          if (msg.event === 'ready') {
            clearTimeout(timer);
            resolve(msg);
          }
        } catch {
          // Other output is not the ready line.
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `node ${this.configFile} exited (${signal ?? code}) before it was ready: ${this.#stderr.trim()}`,
          ),
        );
      });
    });
    return this.#ready;
  }

  /** Sends a signal and waits for the process to end (SIGTERM is a graceful stop). */
  async kill(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Graceful stop. */
  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }

  /** The tail of the process's stderr (for failure messages). */
  get stderr(): string {
    return this.#stderr;
  }
}
