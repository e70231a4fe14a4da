// Reads conversation case files (YAML) from a folder, recursively, in name order, with the
// project's one YAML loader (a bad file names itself and the path inside it).
import fs from 'node:fs';
import path from 'node:path';
import { readYamlFile } from '../../../src/support/readYaml.js';
import { caseSchema, type ConversationCase } from './caseSchema.js';

export interface CaseFile {
  /** The path relative to the folder read, e.g. consent/first-message-kept.yaml. */
  name: string;
  conversation: ConversationCase;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []))
    .sort();
}

export function loadCases(dir: string): CaseFile[] {
  return yamlFiles(dir).map((file) => ({ name: path.relative(dir, file), conversation: readYamlFile(file, caseSchema) }));
}
