// The store's Lua scripts: read once from `lua/`, includes resolved, defined on a connection.
import { readdirSync, readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** One script as Redis runs it. */
export interface StoreScript {
  /** The command name on the connection: `ffx` and the file name in PascalCase. */
  command: string;
  /** From the file name's `-<n>` suffix; absent when the caller passes the number of keys. */
  numberOfKeys?: number;
  lua: string;
}

// The scripts sit next to this file in the source tree (the node runs TypeScript through tsx).
const dir = new URL('./lua/', import.meta.url);
const include = /^--- @include "([\w/-]+)"$/gm;
let loaded: readonly StoreScript[] | undefined;

/**
 * Every script of `lua/` (not its `includes/`), read on first use. A file is named after its
 * operation with the number of keys it takes (`transition-outbound-4.lua`), as bullmq names
 * its commands; a line `--- @include "includes/<name>"` is replaced by that file.
 *
 * @example storeScripts().map((s) => s.command) // ['ffxAdmitInbound', 'ffxClaimDelivery', …]
 */
export function storeScripts(): readonly StoreScript[] {
  loaded ??= readdirSync(dir)
    .filter((f) => f.endsWith('.lua'))
    .sort()
    .map((file) => {
      const m = /^([a-z-]+?)(?:-(\d+))?\.lua$/.exec(file);
      if (!m) throw new Error(`store script ${file} is not named <operation>[-<keys>].lua`);
      const pascal = m[1]!.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      return {
        command: `ffx${pascal}`,
        ...(m[2] === undefined ? {} : { numberOfKeys: Number(m[2]) }),
        lua: resolveIncludes(readFileSync(new URL(file, dir), 'utf8'), file),
      };
    });
  return loaded;
}

function resolveIncludes(lua: string, file: string): string {
  return lua.replace(include, (_, name: string) => {
    try {
      return readFileSync(new URL(`${name}.lua`, dir), 'utf8');
    } catch (err) {
      throw new Error(`store script ${file} includes ${name}, which cannot be read`, {
        cause: err,
      });
    }
  });
}

/**
 * Defines every store script as a command of `redis` (once per connection). ioredis runs a
 * defined command with EVALSHA and sends the script itself when Redis answers NOSCRIPT (after a
 * restart or SCRIPT FLUSH), also inside pipelines and MULTI.
 */
export function defineStoreScripts(redis: Redis): void {
  if (defined.has(redis)) return;
  for (const s of storeScripts()) {
    redis.defineCommand(
      s.command,
      s.numberOfKeys === undefined ? { lua: s.lua } : { numberOfKeys: s.numberOfKeys, lua: s.lua },
    );
  }
  defined.add(redis);
}
const defined = new WeakSet<Redis>();
