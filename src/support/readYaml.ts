// Reads a YAML data file and validates it with a zod schema. Any problem becomes a DataFileError
// naming the file, the path inside it and the reason, so start-up can stop with a clear message.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${file}: ${where ? `${where}: ` : ''}${reason}`);
    this.name = 'DataFileError';
  }
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function formatZodPath(p: (string | number)[]): string {
  return p.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

export function readYamlFile<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> {
  const shown = displayPath(file);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataFileError(shown, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const doc = YAML.parseDocument(raw, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0];
    throw new DataFileError(shown, line ? `line ${line.line}, column ${line.col}` : '', `not valid YAML: ${err.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(shown, formatZodPath(issue.path), issue.message);
  }
  return parsed.data;
}

export function yamlFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new DataFileError(displayPath(dir), '', 'folder not found');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}
