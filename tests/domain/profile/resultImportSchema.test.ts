// profiles/imports/results.yaml is checked at start with the other data files: a mistake stops
// start-up naming the file, the path inside it and the reason; without the file the upload is off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataFiles } from '../../../src/config/loadDataFiles.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'result-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The shipped profiles with the import file changed by `edit` (or removed). */
function profilesWith(name: string, edit: ((yaml: string) => string) | 'remove'): string {
  const dir = path.join(tmp, name);
  fs.cpSync('profiles', dir, { recursive: true });
  const file = path.join(dir, 'imports', 'results.yaml');
  if (edit === 'remove') fs.rmSync(file);
  else fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}
const load = (dir: string) => loadDataFiles({ PROFILES_DIR: dir, FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' });

describe('profiles/imports/results.yaml at start', () => {
  it('the shipped file is read', () => {
    const files = loadDataFiles({ PROFILES_DIR: 'profiles', FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' });
    expect(files.resultImport?.columns.idNumber).toEqual(['身份证号', '身份证号码', '证件号码', '证件号', '身份证']);
  });

  it('a mistake names the file, the path and the reason', () => {
    expect(() => load(profilesWith('empty', (y) => y.replace('  date: [检查日期, 采样日期, 送检日期, 取样日期]', '  date: []')))).toThrow(
      /imports\/results\.yaml: columns\.date: at least one word/,
    );
    expect(() => load(profilesWith('twice', (y) => y.replace('  visitCode: [就诊码,', '  visitCode: [证件 号码, 就诊码,')))).toThrow(
      /imports\/results\.yaml: columns\.visitCode\[0\]: "证件 号码" is also a word of idNumber/,
    );
    expect(() => load(profilesWith('placeholder', (y) => y.replace('    too_long: “{column}”太长了', '    too_long: “{col}”太长了')))).toThrow(
      /imports\/results\.yaml: messages\.row\.too_long: unknown placeholder \{col\}/,
    );
    expect(() => load(profilesWith('unknown', (y) => y.replace('  hpv16: [HPV16, HPV16型]', '  hpv16: [HPV16, HPV16型]\n  hpv31: [HPV31]')))).toThrow(
      /imports\/results\.yaml: columns: Unrecognized key\(s\) in object: 'hpv31'/,
    );
  });

  it('without the file the upload is off, and nothing else changes', () => {
    expect(load(profilesWith('none', 'remove')).resultImport).toBeUndefined();
  });
});
