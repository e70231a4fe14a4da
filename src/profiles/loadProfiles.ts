// Loads and validates the programme profiles (profiles/*.yaml) and county files
// (profiles/counties/*.yaml) at start. Any problem throws a ProfileError naming the file, the path
// inside it and the reason, e.g.
//   profiles/henan.yaml: programmes.twoCancer.rules.0.min: Expected number, received string
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodError } from 'zod';
import { countySchema, crossCheckCounty, type County } from './countySchema.js';
import { crossCheckProfile } from './crossCheck.js';
import { profileSchema, type Profile } from '../domain/profile/profileSchema.js';

export class ProfileError extends Error {
  constructor(
    message: string,
    /** the file the (first) problem is in */
    readonly file: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

type PathPart = string | number;
type RawDoc = { file: string; display: string; data: Record<string, unknown> };

/** Reads every profiles `*.yaml` in `dir` (not subfolders), resolving `extends`. Keyed by id. */
export function loadProfiles(dir: string): Map<string, Profile> {
  const raws = new Map<string, RawDoc>();
  for (const file of yamlFiles(dir)) {
    const doc = readYamlDoc(file);
    checkIdMatchesFile(doc);
    raws.set(doc.data.id as string, doc);
  }

  const merged = new Map<string, Record<string, unknown>>();
  const resolve = (id: string, stack: string[]): Record<string, unknown> => {
    const done = merged.get(id);
    if (done) return done;
    const doc = raws.get(id)!;
    const parentId = doc.data.extends;
    let data = doc.data;
    if (parentId !== undefined && parentId !== null) {
      if (typeof parentId !== 'string' || !raws.has(parentId)) {
        throw fail(doc.display, ['extends'], `unknown profile '${String(parentId)}' (known: ${[...raws.keys()].join(', ')})`);
      }
      if (parentId === id || stack.includes(parentId)) {
        throw fail(doc.display, ['extends'], `extends cycle: ${[...stack, id, parentId].join(' → ')}`);
      }
      data = deepMerge(resolve(parentId, [...stack, id]), doc.data);
    }
    merged.set(id, data);
    return data;
  };

  const profiles = new Map<string, Profile>();
  // Parents first, so a parent's own mistake is reported against the parent's file.
  const ordered = [...raws.keys()].sort((a, b) => chain(a, raws).length - chain(b, raws).length || a.localeCompare(b));
  for (const id of ordered) {
    const data = resolve(id, []);
    const docs = chain(id, raws);
    const parsed = profileSchema.safeParse(data);
    if (!parsed.success) throw zodFailure(parsed.error, docs);
    const issues = crossCheckProfile(parsed.data);
    if (issues.length > 0) throw issuesFailure(issues, docs);
    profiles.set(id, parsed.data);
  }
  return profiles;
}

/** Reads every county `*.yaml` in `dir` (e.g. profiles/counties); each must name an existing profile. */
export function loadCounties(dir: string, profiles: ReadonlyMap<string, Profile>): Map<string, County> {
  const counties = new Map<string, County>();
  if (!existsSync(dir)) return counties;
  const profileIds = new Set(profiles.keys());
  for (const file of yamlFiles(dir)) {
    const doc = readYamlDoc(file);
    checkIdMatchesFile(doc);
    const parsed = countySchema.safeParse(doc.data);
    if (!parsed.success) throw zodFailure(parsed.error, [doc]);
    const profile = profiles.get(parsed.data.profile);
    const serviceIds = profile ? new Set(Object.values(profile.programmes).flatMap((p) => p.screenings.map((s) => s.id))) : undefined;
    const issues = crossCheckCounty(parsed.data, profileIds, serviceIds);
    if (issues.length > 0) throw issuesFailure(issues, [doc]);
    counties.set(parsed.data.id, parsed.data);
  }
  return counties;
}

/** Profiles from `dir` and counties from `dir/counties`. */
export function loadAllProfiles(dir: string): { profiles: Map<string, Profile>; counties: Map<string, County> } {
  const profiles = loadProfiles(dir);
  return { profiles, counties: loadCounties(path.join(dir, 'counties'), profiles) };
}

/** Objects replaced whole, not merged: a question's `input` (its options and the ones a yes or a no means go together). */
const WHOLE = new Set(['input']);

/**
 * Deep merge for `extends`: objects merged key by key (but a question's `input` replaced whole),
 * arrays and scalars replaced by the override, and an override of `null` removes the key.
 */
export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key]) && !WHOLE.has(key)) out[key] = deepMerge(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function readYamlDoc(file: string): RawDoc {
  const display = displayName(file);
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ProfileError(`${display}: (yaml): ${reason}`, display);
  }
  if (!isPlainObject(data)) throw fail(display, [], 'the file must be a YAML mapping (key: value lines)');
  return { file, display, data };
}

function checkIdMatchesFile(doc: RawDoc): void {
  const expected = path.basename(doc.file, '.yaml');
  if (doc.data.id !== expected) {
    throw fail(doc.display, ['id'], `must equal the file name '${expected}', got ${JSON.stringify(doc.data.id)}`);
  }
}

/** The profile and its ancestors, child first. */
function chain(id: string, raws: Map<string, RawDoc>): RawDoc[] {
  const out: RawDoc[] = [];
  let doc = raws.get(id);
  while (doc && !out.includes(doc)) {
    out.push(doc);
    const parent = doc.data.extends;
    doc = typeof parent === 'string' ? raws.get(parent) : undefined;
  }
  return out;
}

/** The file (child first along `extends`) that actually wrote the value at this path. */
function fileFor(p: PathPart[], docs: RawDoc[]): string {
  for (let len = p.length; len > 0; len--) {
    const prefix = p.slice(0, len);
    const owner = docs.find((d) => valueAt(d.data, prefix) !== undefined);
    if (owner) return owner.display;
  }
  return docs[0].display;
}

function valueAt(data: unknown, p: PathPart[]): unknown {
  let cur: unknown = data;
  for (const part of p) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

function formatPath(p: PathPart[]): string {
  return p.length === 0 ? '(root)' : p.join('.');
}

function fail(display: string, p: PathPart[], message: string): ProfileError {
  return new ProfileError(`${display}: ${formatPath(p)}: ${message}`, display);
}

function issuesFailure(issues: { path: PathPart[]; message: string }[], docs: RawDoc[]): ProfileError {
  const lines = issues.map((i) => `${fileFor(i.path, docs)}: ${formatPath(i.path)}: ${i.message}`);
  return new ProfileError(lines.join('\n'), fileFor(issues[0].path, docs));
}

function zodFailure(error: ZodError, docs: RawDoc[]): ProfileError {
  return issuesFailure(
    error.issues.map((i) => ({ path: i.path, message: i.message })),
    docs,
  );
}
