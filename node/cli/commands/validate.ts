// `ffx validate`: checks a JSON or YAML document against one of the project's schemas.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CliExit } from '../cli-exit.js';
import { namedSchemas, type SchemaName } from '../../../protocol/schema-registry.js';

const known = Object.keys(namedSchemas) as SchemaName[];

function isSchemaName(name: string): name is SchemaName {
  return Object.hasOwn(namedSchemas, name);
}

/**
 * Parses a document: `.json` strictly as JSON (YAML would let trailing commas and the like pass),
 * anything else as YAML, which also reads JSON.
 */
function parseDocument(file: string, text: string): unknown {
  if (text.trim() === '') throw new Error('the file is empty');
  if (extname(file).toLowerCase() === '.json') return JSON.parse(text) as unknown;
  // uniqueKeys: a repeated key is an error, not a silent last-one-wins
  return parseYaml(text, { uniqueKeys: true }) as unknown;
}

/** Adds `ffx validate --schema <name> <file>` to the program. */
export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'validate a JSON or YAML document against a schema of schemas/; prints each error as <pointer>: <message>',
    )
    .option('--schema <name>', `the schema: ${known.join(', ')}`)
    .argument('[file]', 'the document (.json is read as JSON, anything else as YAML)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  the document is valid: prints "OK <file> is a valid <name>"',
        '  1  the document is not valid: one "<pointer>: <message>" line per error on stderr',
        '     (the pointer is a JSON pointer; "/" is the document itself)',
        '  2  unknown schema, missing argument, or a file that cannot be read or parsed',
        '',
        'Examples:',
        '  ffx validate --schema trace-request schemas/examples/trace-request/valid-minimal-routine.json',
        '  ffx validate --schema node-config config/dev/AL.yaml',
      ].join('\n'),
    )
    .action(async (file: string | undefined, o: { schema?: string }) => {
      if (o.schema === undefined) {
        throw new CliExit(2, `missing --schema <name>; known: ${known.join(', ')}`);
      }
      if (!isSchemaName(o.schema)) {
        throw new CliExit(2, `unknown schema ${o.schema}; known: ${known.join(', ')}`);
      }
      if (file === undefined) throw new CliExit(2, 'missing <file> to validate');
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        const reason =
          e.code === 'ENOENT'
            ? 'no such file'
            : e.code === 'EISDIR'
              ? 'is a directory'
              : e.code === 'EACCES'
                ? 'permission denied'
                : e.message;
        throw new CliExit(2, `cannot read ${file}: ${reason}`);
      }
      let data: unknown;
      try {
        data = parseDocument(file, text);
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0]!.replace(/:\s*$/, '');
        const reason = msg.startsWith('Source contains multiple documents')
          ? 'it holds several YAML documents; one is expected'
          : msg;
        throw new CliExit(2, `cannot parse ${file}: ${reason}`);
      }
      // ajv is loaded only when a document is actually checked: other commands start faster
      const { validate } = await import('../../../protocol/validate.js');
      const r = validate(o.schema, data);
      if (!r.valid) {
        throw new CliExit(1, r.errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('\n'));
      }
      process.stdout.write(`OK ${file} is a valid ${o.schema}\n`);
    });
}
