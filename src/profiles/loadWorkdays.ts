// Loads the holiday and 调休 calendar (profiles/calendar/workdays.yaml) at start: a bad file stops
// start-up with a DataFileError naming the file, the path inside it and the reason. No file at all is
// not an error: every year then counts Monday to Friday, and the service says so (missingYears).
import fs from 'node:fs';
import { workdayCalendar, workdaysSchema } from '../domain/profile/workdaysSchema.js';
import { EMPTY_CALENDAR, type WorkdayCalendar } from '../domain/workdays/workingDays.js';
import { readYamlFile } from '../support/readYaml.js';

/** Where the calendar lives, inside PROFILES_DIR. */
export const WORKDAYS_FILE = 'calendar/workdays.yaml';

export function loadWorkdays(file: string): WorkdayCalendar {
  if (!fs.existsSync(file)) return EMPTY_CALENDAR;
  return workdayCalendar(readYamlFile(file, workdaysSchema));
}
