// Fills in the `default` values a JSON Schema declares, so defaults are written once: in the schema.

type Schema = Record<string, unknown>;

/**
 * Returns a copy of `data` with every absent property that has a `default` in `schema` filled
 * in, descending into object properties, local `$ref`s (`#/$defs/…`) and array items. An absent
 * object is created with its defaults when it requires nothing; one with required settings of its
 * own (an optional section such as `localApi.console`) stays absent until it is given.
 *
 * @example applyDefaults(configSchema, { nodeId: 'AL' })
 */
export function applyDefaults<T>(schema: Schema, data: T, rootSchema: Schema = schema): T {
  const s = resolve(schema, rootSchema);
  if (Array.isArray(data)) {
    const items = s.items as Schema | undefined;
    return (
      items ? (data as unknown[]).map((d) => applyDefaults(items, d, rootSchema)) : data
    ) as T;
  }
  if (!data || typeof data !== 'object') return data;
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [name, propSchema] of Object.entries(props)) {
    const p = resolve(propSchema, rootSchema);
    if (out[name] === undefined && 'default' in p) out[name] = structuredClone(p.default);
    if (out[name] !== undefined) out[name] = applyDefaults(p, out[name], rootSchema);
    else if (p.type === 'object' && !(Array.isArray(p.required) && p.required.length > 0)) {
      const filled = applyDefaults(p, {}, rootSchema) as Record<string, unknown>;
      if (Object.keys(filled).length > 0) out[name] = filled;
    }
  }
  return out as T;
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  // Sibling keywords of $ref (description, default) win over the target's.
  const { $ref: _ignored, ...siblings } = schema;
  return { ...resolve(node as Schema, root), ...siblings };
}
