// `ffx policy test|validate|preview`: a compliance officer's tools for sharing policies.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';
import { resolve } from '../../policy/json-pointer.js';
import type { FreeTextFinding } from '../../policy/index.js';

interface FederationFile {
  members: Array<{ id: string; kind: 'ffp-node' | 'eu-counterpart'; groups: string[] }>;
}

async function federation(file: string): Promise<FederationFile['members']> {
  try {
    const f = JSON.parse(await readFile(file, 'utf8')) as FederationFile;
    return f.members.map((m) => ({ id: m.id, kind: m.kind, groups: m.groups }));
  } catch (err) {
    throw new CliExit(
      1,
      `ffx policy: cannot read the federation description ${file}: ${(err as Error).message}`,
    );
  }
}

const FEDERATION = new URL('../../../certs-dev/dev-federation.json', import.meta.url).pathname;

async function load(file: string) {
  const { parsePolicyText, PolicyError } = await import('../../policy/index.js');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliExit(1, `ffx policy: cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return parsePolicyText(text, file);
  } catch (err) {
    if (err instanceof PolicyError)
      throw new CliExit(1, err.problems.map((p) => p.message).join('\n'));
    throw err;
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function register(program: Command): void {
  const policy = program
    .command('policy')
    .description('validate, test and preview sharing policies');

  policy
    .command('validate')
    .description(
      'check a policy file: schema, member and group names, dead rules, impossible pointers',
    )
    .argument('<file>', 'the policy (YAML or JSON)')
    .option(
      '--federation <file>',
      'the federation description (members, kinds, groups)',
      FEDERATION,
    )
    .action(async (file: string, o: { federation: string }) => {
      const { checkPolicy } = await import('../../policy/index.js');
      const doc = await load(file);
      const members = await federation(o.federation);
      const self = (doc as { member?: string }).member ?? '';
      const problems = checkPolicy(doc, { self, members });
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems)
        process.stderr.write(
          `${p.severity === 'error' ? 'error' : 'warning'} ${p.pointer || '/'}: ${p.message}\n`,
        );
      if (errors.length > 0)
        throw new CliExit(
          1,
          `${file}: ${errors.length} error${errors.length > 1 ? 's' : ''}; this policy cannot be activated`,
        );
      const d = doc as { id: string; outbound: unknown[]; inbound: unknown[] };
      process.stdout.write(
        `OK ${file}: policy ${d.id}, ${d.outbound.length} outbound and ${d.inbound.length} inbound rules\n`,
      );
    });

  policy
    .command('test')
    .description(
      'run the fixtures in <dir>/tests/<ID>/ against <dir>/<ID>.yaml; fails when a case fails or a rule is exercised by no case',
    )
    .argument('[dir]', 'the policies folder', 'policies')
    .option(
      '--federation <file>',
      'the federation description (members, kinds, groups)',
      FEDERATION,
    )
    .action(async (dir: string, o: { federation: string }) => {
      const { runFixtures } = await import('../../policy/index.js');
      const run = await runFixtures(dir, { members: await federation(o.federation) });
      const out = process.stdout;
      const width = Math.max(...run.results.map((r) => r.name.length), 10);
      out.write(`${pad('policy', 11)} ${pad('case', width)}  result\n`);
      for (const r of run.results) {
        out.write(`${pad(r.policy, 11)} ${pad(r.name, width)}  ${r.passed ? 'PASS' : 'FAIL'}\n`);
        for (const f of r.failures) out.write(`${' '.repeat(12)}  ✗ ${f} (${r.file})\n`);
      }
      out.write('\nrule coverage\n');
      const byPolicy = new Map<string, Array<{ ruleId: string; cases: number }>>();
      for (const c of run.coverage) byPolicy.set(c.policy, [...(byPolicy.get(c.policy) ?? []), c]);
      for (const [p, rules] of byPolicy) {
        const covered = rules.filter((r) => r.cases > 0).length;
        out.write(
          `${pad(p, 11)} ${covered}/${rules.length} rules  ${rules.map((r) => `${r.ruleId}×${r.cases}`).join(' ')}\n`,
        );
      }
      for (const b of run.broken)
        out.write(
          `\n${b.policy}: does not compile\n${b.problems.map((p) => `  ${p}`).join('\n')}\n`,
        );
      const failed = run.results.filter((r) => !r.passed).length;
      const summary = `${run.results.length - failed}/${run.results.length} cases pass, ${run.coverage.length - run.uncovered.length}/${run.coverage.length} rules covered`;
      if (failed > 0 || run.uncovered.length > 0 || run.broken.length > 0) {
        const why = [
          failed > 0 ? `${failed} failing` : '',
          run.uncovered.length > 0
            ? `rules exercised by no case: ${run.uncovered.map((u) => `${u.policy}/${u.ruleId}`).join(', ')}`
            : '',
          run.broken.length > 0
            ? `policies that do not compile: ${run.broken.map((b) => b.policy).join(', ')}`
            : '',
        ].filter(Boolean);
        throw new CliExit(1, `\n${summary}; ${why.join('; ')}`);
      }
      out.write(`\n${summary}\n`);
    });

  policy
    .command('preview')
    .description(
      'what would a destination receive? prints the decision, why, and the body before and after',
    )
    .requiredOption('--policy <file>', 'the policy (YAML or JSON)')
    .requiredOption('--to <id>', 'the destination member')
    .requiredOption('--message <file>', 'the message: { type, handling, body } (YAML or JSON)')
    .option('--origin <id>', 'the message passes on material received from this member')
    .option(
      '--federation <file>',
      'the federation description (members, kinds, groups)',
      FEDERATION,
    )
    .action(
      async (o: {
        policy: string;
        to: string;
        message: string;
        origin?: string;
        federation: string;
      }) => {
        const { compilePolicy, decide, PolicyError, KIND_WORDS } =
          await import('../../policy/index.js');
        const doc = await load(o.policy);
        const members = await federation(o.federation);
        const self = (doc as { member?: string }).member ?? '';
        const ctx = { self, members };
        let compiled;
        try {
          compiled = compilePolicy(doc, ctx, 1);
        } catch (err) {
          if (err instanceof PolicyError)
            throw new CliExit(
              1,
              err.problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('\n'),
            );
          throw err;
        }
        const dest = members.find((m) => m.id === o.to);
        if (!dest) throw new CliExit(1, `ffx policy: ${o.to} is not a member of the federation`);
        const m = (await load(o.message)) as {
          type: string;
          handling?: Record<string, unknown>;
          body?: Record<string, unknown>;
        };
        const d = decide(
          compiled,
          { type: m.type, from: self, to: o.to, handling: m.handling ?? {}, body: m.body ?? {} },
          dest,
          ctx,
          o.origin ? { receivedFrom: o.origin } : undefined,
        );
        const w = (s: string) => process.stdout.write(`${s}\n`);
        w(
          `decision: ${d.effect.toUpperCase()} ${m.type} to ${o.to} under ${d.policy.id} (decision ${d.decisionHash})`,
        );
        for (const r of d.reasons) w(`  reason: ${r}`);
        w('matched:');
        for (const r of d.matched) w(`  ${r.effect} ${r.ruleId}`);
        if (d.matched.length === 0) w('  (none)');
        w('not matched:');
        for (const r of d.notMatched)
          w(
            `  ${r.ruleId}: ${r.condition}${r.pointer ? ` ${r.pointer}` : ''} expected ${JSON.stringify(r.expected)}${r.actual !== undefined ? `, got ${JSON.stringify(r.actual)}` : ''}`,
          );
        w('transformations:');
        for (const t of d.transformations)
          w(`  ${t.action}${t.to ? ` to ${t.to}` : ''} ${t.pointer} (rule ${t.ruleId})`);
        if (d.transformations.length === 0) w('  (none)');
        w('personal data in free text:');
        for (const line of freeTextLines(m.body ?? {}, d.freeText ?? [], KIND_WORDS))
          w(`  ${line}`);
        w('body (- before, + after):');
        for (const line of bodyDiff(m.body ?? {}, d.body)) w(`  ${line}`);
      },
    );
}

/**
 * One line per free-text finding: what was done, the kind, where (field and span), the text as
 * submitted, and the structured field it repeats or the rule whose handling applied.
 */
function freeTextLines(
  body: Record<string, unknown>,
  findings: FreeTextFinding[],
  words: Record<string, string>,
): string[] {
  if (findings.length === 0) return ['(none found)'];
  return findings.map((f) => {
    const text = resolve(body, f.pointer)[0]?.value;
    const piece = typeof text === 'string' ? text.slice(f.span.start, f.span.end) : '';
    const why = [
      f.matches ? `repeats ${f.matches}` : `a ${f.source}`,
      f.ruleId ? `rule ${f.ruleId}` : '',
      f.action === 'unhandled'
        ? 'withheld from the structured fields, but the policy sets no free-text handling'
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `${f.action} ${words[f.kind] ?? f.kind} ${f.pointer} [${f.span.start}, ${f.span.end}) ${JSON.stringify(piece)} (${why})`;
  });
}

/** Leaf-by-leaf differences between the body before and after the policy. */
function bodyDiff(before: unknown, after: unknown): string[] {
  const leaves = (v: unknown, at = ''): Map<string, string> => {
    const out = new Map<string, string>();
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>))
        for (const [p, s] of leaves(x, `${at}/${k}`)) out.set(p, s);
    } else out.set(at || '/', JSON.stringify(v));
    return out;
  };
  const a = leaves(before);
  const b = after === null ? new Map<string, string>() : leaves(after);
  const lines: string[] = [];
  for (const [p, v] of a) {
    if (!b.has(p)) lines.push(`- ${p}: ${v}`);
    else if (b.get(p) !== v) lines.push(`- ${p}: ${v}`, `+ ${p}: ${b.get(p)}`);
  }
  for (const [p, v] of b) if (!a.has(p)) lines.push(`+ ${p}: ${v}`);
  if (after === null) lines.unshift('(nothing is sent)');
  return lines.length > 0 ? lines : ['(unchanged)'];
}
