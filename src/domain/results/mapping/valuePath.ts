// A small path language into a peer's JSON (pure), for the result mappings (profiles/result-mappings):
//   data.items                       properties, dot-separated; arrays are walked through (flattened)
//   link[relation=next].url          a filter keeps the values whose property (a path) equals the text
//   result.$resolve                  a FHIR Reference ({ reference: "Observation/7" or "#c1" }) replaced by
//                                    the resource it names: in the item's `contained`, or in the page's Bundle
//   result.$resolve[code.coding.code=HPV16].valueCodeableConcept.coding.code
// A path gives every value it reaches, in document order (none when nothing is there).

export interface PathStep {
  /** a property name, or '$resolve' */
  name: string;
  filter?: { path: PathStep[]; equals: string };
}

export class PathSyntaxError extends Error {}

/** Parses a path; throws PathSyntaxError saying what is wrong. */
export function parsePath(text: string): PathStep[] {
  const source = text.trim();
  if (!source) throw new PathSyntaxError('an empty path');
  const steps: PathStep[] = [];
  let i = 0;
  while (i < source.length) {
    let name = '';
    while (i < source.length && source[i] !== '.' && source[i] !== '[') name += source[i++];
    name = name.trim();
    if (!name) throw new PathSyntaxError(`a property name is missing at character ${i + 1} of "${source}"`);
    if (name.startsWith('$') && name !== '$resolve') throw new PathSyntaxError(`unknown step "${name}" (the only one is $resolve)`);
    const step: PathStep = { name };
    if (source[i] === '[') {
      const close = source.indexOf(']', i);
      if (close < 0) throw new PathSyntaxError(`"[" without "]" in "${source}"`);
      const inside = source.slice(i + 1, close);
      const eq = inside.indexOf('=');
      if (eq <= 0) throw new PathSyntaxError(`a filter is written [property=text], got [${inside}]`);
      step.filter = { path: parsePath(inside.slice(0, eq)), equals: inside.slice(eq + 1).trim() };
      i = close + 1;
    }
    steps.push(step);
    if (i < source.length) {
      if (source[i] !== '.') throw new PathSyntaxError(`"." expected after "]" in "${source}"`);
      i++;
      if (i === source.length) throw new PathSyntaxError(`"${source}" ends with "."`);
    }
  }
  return steps;
}

/** Where references are looked up: the item (its `contained`) and the page's resources by "Type/id" or full URL. */
export interface PathContext {
  item: unknown;
  resources: ReadonlyMap<string, unknown>;
}

const NO_RESOURCES: PathContext['resources'] = new Map();

/** Every value the path reaches from `from`. */
export function valuesAt(from: unknown, steps: readonly PathStep[], ctx: PathContext = { item: from, resources: NO_RESOURCES }): unknown[] {
  let current: unknown[] = [from];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current.flatMap(flatten)) {
      const reached = step.name === '$resolve' ? resolve(value, ctx) : isObject(value) ? value[step.name] : undefined;
      for (const v of flatten(reached)) if (v !== undefined && v !== null) next.push(v);
    }
    current = step.filter ? next.filter((v) => valuesAt(v, step.filter!.path, ctx).some((x) => scalarText(x) === step.filter!.equals)) : next;
  }
  return current;
}

/** A scalar as text (for filters and value tables); undefined for objects and arrays. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The resources of a FHIR Bundle's entries, by "Type/id" and by full URL. */
export function bundleResources(entries: readonly unknown[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const entry of entries) {
    if (!isObject(entry) || !isObject(entry.resource)) continue;
    const r = entry.resource;
    if (typeof r.resourceType === 'string' && typeof r.id === 'string') out.set(`${r.resourceType}/${r.id}`, r);
    if (typeof entry.fullUrl === 'string') out.set(entry.fullUrl, r);
  }
  return out;
}

function resolve(value: unknown, ctx: PathContext): unknown {
  if (!isObject(value) || typeof value.reference !== 'string') return undefined;
  const ref = value.reference.trim();
  if (ref.startsWith('#')) {
    const contained = isObject(ctx.item) && Array.isArray(ctx.item.contained) ? ctx.item.contained : [];
    return contained.find((c) => isObject(c) && c.id === ref.slice(1));
  }
  if (ctx.resources.has(ref)) return ctx.resources.get(ref);
  // an absolute URL of a resource the page holds: by its last "Type/id"
  const tail = ref.split('/').slice(-2).join('/');
  return ctx.resources.get(tail);
}

function flatten(v: unknown): unknown[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
