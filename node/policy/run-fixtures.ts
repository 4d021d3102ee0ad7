// Runs policy test fixtures (like `opa test`): decisions against expectations, with rule coverage.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve as resolvePath } from 'node:path';
import { compilePolicy } from './compile-policy.js';
import { decide, decideInbound } from './decide.js';
import { resolve } from './json-pointer.js';
import { parsePolicyText } from './parse-policy-text.js';
import { PolicyError } from './policy-error.js';
import { DEFAULTS_ID } from './free-text/apply-free-text-policy.js';
import type { CompiledPolicy, FederationContext, FreeTextFinding, PolicyMember } from './types.js';

/** One fixture case as written in `policies/tests/<ID>/*.yaml`. */
interface FixtureCase {
  name: string;
  direction?: 'outbound' | 'inbound';
  to?: string;
  from?: string;
  origin?: string;
  size?: number;
  message: {
    type: string;
    handling?: Record<string, unknown>;
    body?: Record<string, unknown>;
    bodyFrom?: string;
  };
  expect: {
    effect: 'allow' | 'deny';
    rules?: string[];
    absent?: string[];
    present?: string[];
    values?: Record<string, unknown>;
    /** Findings in free text that must be among the decision's (each field given must equal). */
    freeText?: Array<{
      pointer?: string;
      kind?: string;
      action?: string;
      matches?: string;
      ruleId?: string;
    }>;
  };
}

/** The outcome of one case. */
export interface FixtureResult {
  policy: string;
  file: string;
  name: string;
  passed: boolean;
  failures: string[];
  matched: string[];
  /** Rules (or `#freeText`, the defaults) whose free-text handling acted on a finding. */
  freeText?: string[];
}

/** The outcome of a whole run: every case, and which rules no case exercised. */
export interface FixtureRun {
  results: FixtureResult[];
  coverage: Array<{ policy: string; ruleId: string; cases: number }>;
  uncovered: Array<{ policy: string; ruleId: string }>;
  /** Policies that did not compile (their cases are not run). */
  broken: Array<{ policy: string; problems: string[] }>;
}

/**
 * Runs every fixture under `<dir>/tests/<ID>/` against `<dir>/<ID>.yaml`. A case passes when the
 * effect is the expected one, the matched rules are exactly the expected ones (when listed), the
 * `absent` pointers are not in the body sent, the `present` ones are, `values` are equal and the
 * `freeText` findings listed are among the decision's. Coverage counts rules, and each free-text
 * handling (`<rule>#freeText`, or `#freeText` for the policy's defaults) by the cases in which
 * it acted on a finding.
 * Shared bodies live in `<dir>/tests/bodies/<name>.yaml` (`bodyFrom: <name>`).
 *
 * @example const run = await runFixtures('policies', ctxFor); run.uncovered.length === 0
 */
export async function runFixtures(
  dir: string,
  federation: Omit<FederationContext, 'self'>,
): Promise<FixtureRun> {
  const root = resolvePath(dir);
  const testsDir = join(root, 'tests');
  const run: FixtureRun = { results: [], coverage: [], uncovered: [], broken: [] };
  const policyFiles = (await readdir(root)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const bodies = new Map<string, Record<string, unknown>>();
  for (const f of await readdir(join(testsDir, 'bodies')).catch(() => [] as string[])) {
    bodies.set(
      f.replace(/\.ya?ml$/, ''),
      parsePolicyText(await readFile(join(testsDir, 'bodies', f), 'utf8'), f) as Record<
        string,
        unknown
      >,
    );
  }
  for (const file of policyFiles) {
    const id = file.replace(/\.ya?ml$/, '');
    const ctx: FederationContext = { ...federation, self: id };
    let policy: CompiledPolicy;
    try {
      policy = compilePolicy(
        parsePolicyText(await readFile(join(root, file), 'utf8'), file),
        ctx,
        1,
      );
    } catch (err) {
      const problems =
        err instanceof PolicyError
          ? err.problems.map((p) => `${p.pointer || '/'}: ${p.message}`)
          : [(err as Error).message];
      run.broken.push({ policy: id, problems });
      continue;
    }
    const hits = new Map<string, number>(
      [...policy.document.outbound, ...policy.document.inbound].map((r) => [r.id, 0]),
    );
    // Each free-text handling counts as covered when some case's finding was acted on by it.
    for (const r of policy.document.outbound) if (r.freeText) hits.set(`${r.id}${DEFAULTS_ID}`, 0);
    if (policy.document.freeText?.action) hits.set(DEFAULTS_ID, 0);
    const caseFiles = (await readdir(join(testsDir, id)).catch(() => [] as string[]))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    for (const cf of caseFiles) {
      const parsed = parsePolicyText(await readFile(join(testsDir, id, cf), 'utf8'), cf) as
        { cases?: FixtureCase[] } | FixtureCase;
      const cases =
        'cases' in parsed && Array.isArray(parsed.cases) ? parsed.cases : [parsed as FixtureCase];
      for (const c of cases) {
        const r = runCase(policy, ctx, c, bodies);
        r.matched.forEach((m) => hits.set(m, (hits.get(m) ?? 0) + 1));
        for (const id of new Set(r.freeText ?? [])) {
          const key = id === DEFAULTS_ID ? id : `${id}${DEFAULTS_ID}`;
          if (hits.has(key)) hits.set(key, hits.get(key)! + 1);
        }
        run.results.push({ policy: id, file: join(basename(testsDir), id, cf), ...r });
      }
    }
    for (const [ruleId, n] of hits) {
      run.coverage.push({ policy: id, ruleId, cases: n });
      if (n === 0) run.uncovered.push({ policy: id, ruleId });
    }
  }
  return run;
}

function runCase(
  policy: CompiledPolicy,
  ctx: FederationContext,
  c: FixtureCase,
  bodies: Map<string, Record<string, unknown>>,
): Omit<FixtureResult, 'policy' | 'file'> {
  const failures: string[] = [];
  const name = c.name ?? '(unnamed case)';
  const body = c.message?.bodyFrom ? bodies.get(c.message.bodyFrom) : c.message?.body;
  if (c.message?.bodyFrom && !body)
    return { name, passed: false, failures: [`no shared body ${c.message.bodyFrom}`], matched: [] };
  const handling = c.message?.handling ?? {};
  let effect: 'allow' | 'deny';
  let matched: string[];
  let out: Record<string, unknown> | null = null;
  let freeText: FreeTextFinding[] = [];
  if ((c.direction ?? 'outbound') === 'inbound') {
    const d = decideInbound(
      policy,
      { from: c.from ?? '', type: c.message.type, sizeBytes: c.size ?? 4096, handling },
      ctx,
    );
    effect = d.effect;
    matched = d.matched.map((m) => m.ruleId);
  } else {
    const dest: PolicyMember | undefined = ctx.members.find((m) => m.id === c.to);
    if (!dest)
      return {
        name,
        passed: false,
        failures: [`destination ${String(c.to)} is not a member`],
        matched: [],
      };
    const d = decide(
      policy,
      { type: c.message.type, from: ctx.self, to: dest.id, handling, body: body ?? {} },
      dest,
      ctx,
      c.origin ? { receivedFrom: c.origin } : undefined,
    );
    effect = d.effect;
    matched = d.matched.map((m) => m.ruleId);
    out = d.body;
    freeText = d.freeText ?? [];
  }
  if (effect !== c.expect.effect) failures.push(`effect ${effect}, expected ${c.expect.effect}`);
  if (c.expect.rules) {
    const want = [...c.expect.rules].sort().join(', ');
    const got = [...matched].sort().join(', ');
    if (want !== got) failures.push(`matched [${got}], expected [${want}]`);
  }
  for (const p of c.expect.absent ?? [])
    if (out && resolve(out, p).length > 0) failures.push(`${p} is present but must be absent`);
  for (const p of c.expect.present ?? [])
    if (!out || resolve(out, p).length === 0) failures.push(`${p} is absent but must be present`);
  for (const [p, v] of Object.entries(c.expect.values ?? {})) {
    const got = out ? resolve(out, p)[0]?.value : undefined;
    if (JSON.stringify(got) !== JSON.stringify(v))
      failures.push(`${p} is ${JSON.stringify(got)}, expected ${JSON.stringify(v)}`);
  }
  for (const want of c.expect.freeText ?? []) {
    const hit = freeText.some((f) =>
      Object.entries(want).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v),
    );
    if (!hit)
      failures.push(
        `no free-text finding ${JSON.stringify(want)}; found ${JSON.stringify(freeText.map((f) => ({ pointer: f.pointer, kind: f.kind, action: f.action })))}`,
      );
  }
  const acted = freeText.filter((f) => f.ruleId).map((f) => f.ruleId!);
  return {
    name,
    passed: failures.length === 0,
    failures,
    matched,
    ...(acted.length > 0 ? { freeText: acted } : {}),
  };
}
