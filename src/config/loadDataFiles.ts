// The data files of one deployment, loaded and checked together at start: the profiles, the county
// named by COUNTY_ID, the flows, the holiday and 调休 calendar (profiles/calendar/workdays.yaml), and how
// uploaded results files are read (profiles/imports/results.yaml, optional: without it the upload is
// off). A mistake throws DataFileError naming the file and the path.
import fs from 'node:fs';
import path from 'node:path';
import { resultImportSchema } from '../domain/profile/resultImportSchema.js';
import { loadCounties, loadProfiles } from '../profiles/loadProfiles.js';
import { loadFlows } from '../flows/loadFlows.js';
import { loadWorkdays, WORKDAYS_FILE } from '../profiles/loadWorkdays.js';
import { checkResultPolls, loadResultMappings } from '../profiles/resultMappings.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../flows/registry.js';
import { DataFileError, displayPath, readYamlFile } from '../support/readYaml.js';
import type { Config } from './config.js';

export function loadDataFiles(config: Pick<Config, 'PROFILES_DIR' | 'FLOWS_DIR' | 'COUNTY_ID'>) {
  const profiles = loadProfiles(path.resolve(config.PROFILES_DIR));
  const counties = loadCounties(path.resolve(config.PROFILES_DIR, 'counties'), profiles);
  const county = counties.get(config.COUNTY_ID);
  if (!county) throw new Error(`COUNTY_ID "${config.COUNTY_ID}" is not one of the county files (${[...counties.keys()].join(', ')})`);
  const profile = profiles.get(county.profile)!;
  // how each polled hospital's results read (profiles/result-mappings)
  const resultMappings = loadResultMappings(path.resolve(config.PROFILES_DIR, 'result-mappings'));
  checkResultPolls(county, path.resolve(config.PROFILES_DIR, 'counties', `${county.id}.yaml`), resultMappings);
  const flowSet = loadFlows(path.resolve(config.FLOWS_DIR), ALL_ACTIONS, ALL_CHOICE_SOURCES);
  // 我的信息 names every fact she can be asked about
  const labels = flowSet.messages.myData.factLabels;
  for (const programme of Object.values(profile.programmes)) {
    for (const fact of Object.keys(programme.questions)) {
      if (!labels[fact]) {
        throw new DataFileError(
          displayPath(path.resolve(config.FLOWS_DIR, 'messages.yaml')),
          'myData.factLabels',
          `no label for the fact "${fact}" that profile "${profile.id}" asks about`,
        );
      }
    }
  }
  const workdays = loadWorkdays(path.resolve(config.PROFILES_DIR, WORKDAYS_FILE));
  const importFile = path.resolve(config.PROFILES_DIR, 'imports', 'results.yaml');
  const resultImport = fs.existsSync(importFile) ? readYamlFile(importFile, resultImportSchema) : undefined;
  return { profiles, county, profile, flowSet, workdays, resultImport, resultMappings };
}

export type DataFiles = ReturnType<typeof loadDataFiles>;
