// Parses a policy file's text (YAML or JSON) with line-accurate errors.
import { parseDocument } from 'yaml';
import { PolicyError } from './policy-error.js';

/**
 * Parses YAML (a superset of JSON) into a plain value; syntax errors become POLICY-PARSE with
 * the line and column of each.
 *
 * @example const doc = parsePolicyText(await readFile('policies/AL.yaml', 'utf8'), 'policies/AL.yaml');
 */
export function parsePolicyText(text: string, filename = 'policy'): unknown {
  const d = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (d.errors.length > 0) {
    const problems = d.errors.map((e) => ({
      pointer: '',
      message: `${filename}${e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : ''}: ${e.message.split('\n')[0]}`,
      severity: 'error' as const,
    }));
    throw new PolicyError(
      'POLICY-PARSE',
      `${filename} is not valid YAML or JSON: ${problems[0]!.message}`,
      problems,
    );
  }
  return d.toJS();
}
