// Item ids a seizure's trace request repeats: answers name items by id, so each must be unique.

/**
 * Item ids a trace request names more than once, with the pointer of each repetition
 * (`/items/<i>/itemId`): answers name items by id, so an id must be unique in its request.
 *
 * @example repeatedItemIds(body) // [{ pointer: '/items/3/itemId', itemId: 'HH-01' }]
 */
export function repeatedItemIds(requestBody: unknown): Array<{ pointer: string; itemId: string }> {
  const b = (requestBody ?? {}) as { items?: unknown };
  if (!Array.isArray(b.items)) return [];
  const seen = new Set<string>();
  const out: Array<{ pointer: string; itemId: string }> = [];
  b.items.forEach((item: { itemId?: unknown }, i) => {
    if (typeof item?.itemId !== 'string') return;
    if (seen.has(item.itemId)) out.push({ pointer: `/items/${i}/itemId`, itemId: item.itemId });
    seen.add(item.itemId);
  });
  return out;
}
