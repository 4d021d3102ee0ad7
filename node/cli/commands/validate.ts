// `ffx validate`: checks a JSON or YAML document against one of the project's schemas.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CliExit } from '../cli-exit.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'validate a JSON or YAML document against a schema of schemas/; prints each error as <pointer>: <message>',
    )
    .requiredOption(
      '--schema <name>',
      'message, trace-request, trace-response, hit-notification, receipt, federation-directory, node-config or sharing-policy',
    )
    .argument('<file>', 'the document (JSON or YAML)')
    .action(async (file: string, o: { schema: string }) => {
      const { validate } = await import('../../../protocol/validate.js');
      const { namedSchemas } = await import('../../../protocol/schema-registry.js');
      if (!(o.schema in namedSchemas)) {
        throw new CliExit(
          2,
          `unknown schema ${o.schema}; known: ${Object.keys(namedSchemas).join(', ')}`,
        );
      }
      let data: unknown;
      try {
        data = parseYaml(await readFile(file, 'utf8'));
      } catch (err) {
        throw new CliExit(2, `cannot read ${file}: ${(err as Error).message.split('\n')[0]}`);
      }
      const r = validate(o.schema as keyof typeof namedSchemas, data);
      if (!r.valid)
        throw new CliExit(1, r.errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('\n'));
      process.stdout.write(`OK ${file} is a valid ${o.schema}\n`);
    });
}
