// The result mappings (profiles/result-mappings/*.yaml), loaded and checked at start, and the
// county's result polls checked against them. A mistake throws DataFileError naming the file, the
// path inside it and the reason.
import fs from 'node:fs';
import path from 'node:path';
import { resultMappingSchema, type ResultMapping } from '../domain/results/mapping/resultMappingSchema.js';
import { DataFileError, displayPath, readYamlFile, yamlFilesIn } from '../support/readYaml.js';
import type { County } from './countySchema.js';

/** Every mapping in `dir` by id (none when there is no such folder). */
export function loadResultMappings(dir: string): Map<string, ResultMapping> {
  const out = new Map<string, ResultMapping>();
  if (!fs.existsSync(dir)) return out;
  for (const file of yamlFilesIn(dir)) {
    const mapping = readYamlFile(file, resultMappingSchema);
    const expected = path.basename(file).replace(/\.ya?ml$/, '');
    if (mapping.id !== expected) throw new DataFileError(displayPath(file), 'id', `must equal the file name '${expected}', got '${mapping.id}'`);
    out.set(mapping.id, mapping);
  }
  return out;
}

/** Each hospital's result poll names a mapping that exists. */
export function checkResultPolls(county: County, countyFile: string, mappings: ReadonlyMap<string, ResultMapping>): void {
  county.hospitals.forEach((h, i) => {
    if (h.resultPoll && !mappings.has(h.resultPoll.mapping)) {
      throw new DataFileError(
        displayPath(countyFile),
        `hospitals.${i}.resultPoll.mapping`,
        `no mapping '${h.resultPoll.mapping}' in profiles/result-mappings (${[...mappings.keys()].join(', ') || 'none'})`,
      );
    }
  });
}
