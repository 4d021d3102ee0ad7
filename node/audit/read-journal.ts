// Reads a page of journal entries, filtered by type or message id.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A filter and page of the journal. */
export interface JournalQuery {
  fromSeq?: number;
  limit?: number;
  type?: string;
  messageId?: string;
}

/**
 * Entries with `seq >= fromSeq` matching the filters, at most `limit` (default 100);
 * `nextSeq` is where the next page starts when there may be more.
 *
 * @example const { entries, nextSeq } = await readJournal(file, { type: 'decision', limit: 50 });
 */
export async function readJournal(
  file: string,
  q: JournalQuery,
): Promise<{ entries: Array<Record<string, unknown>>; nextSeq?: number }> {
  const limit = q.limit ?? 100;
  const from = q.fromSeq ?? 0;
  const entries: Array<Record<string, unknown>> = [];
  let input: ReturnType<typeof createReadStream> | undefined;
  try {
    input = createReadStream(file, { encoding: 'utf8' });
    await new Promise((resolve, reject) => input!.once('open', resolve).once('error', reject));
  } catch {
    return { entries };
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const text of lines) {
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof e.seq !== 'number' || e.seq < from) continue;
    if (q.type && e.type !== q.type) continue;
    if (q.messageId && e.messageId !== q.messageId) continue;
    if (entries.length === limit) {
      lines.close();
      input.destroy();
      return { entries, nextSeq: e.seq };
    }
    entries.push(e);
  }
  return { entries };
}
