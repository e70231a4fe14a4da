// A bad flow or profile file stops start-up, naming the file, the path inside it and the reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function start(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(tmp, 'never.db')}`, PORT: '0', WECHAT_ENABLED: 'false', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up with a bad data file', () => {
  it('stops on a broken flow file, naming the file, the step and the reason', () => {
    const dir = path.join(tmp, 'flows');
    fs.cpSync('flows', dir, { recursive: true });
    const file = path.join(dir, 'consent.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('next: thanks', 'next: nowhere'));
    const r = start({ FLOWS_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*flows\/consent\.yaml: steps\[1\] \(id "agree"\)\.next: unknown step "nowhere"/);
    expect(fs.existsSync(path.join(tmp, 'never.db'))).toBe(false);
  });

  it('stops on a broken profile file, naming the file and the path inside it', () => {
    const dir = path.join(tmp, 'profiles');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'henan.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/min: 35/, 'min: "thirty-five"'));
    const r = start({ PROFILES_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*henan\.yaml: .*min/);
  });

  it('stops on a bad holiday calendar, naming the file, the path inside it and the reason', () => {
    const dir = path.join(tmp, 'profiles-calendar');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'calendar', 'workdays.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('workdays: [2026-05-09]', 'workdays: [2026-05-05]'));
    const r = start({ PROFILES_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /Cannot start: .*calendar\/workdays\.yaml: years\.2026\.holidays\[3\]\.workdays\[0\]: 2026-05-05 is both a day off \(劳动节\) and a working day/,
    );
  });

  it("stops on a broken result mapping, naming the file, the path and the reason (not on a poll's missing token)", () => {
    const dir = path.join(tmp, 'profiles-mapping');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'result-mappings', 'lis-json.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('items: data.items', 'items: data[items'));
    const r = start({ PROFILES_DIR: dir, XC_FIRST_LIS_TOKEN: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*result-mappings\/lis-json\.yaml: page\.items: not a path: "\[" without "\]" in "data\[items"/);
    expect(fs.existsSync(path.join(tmp, 'never.db'))).toBe(false);
  });

  it('stops on a bad setting, naming the variable', () => {
    const r = start({ DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//);
  });

  it('refuses the simulator in production, from the setting or from npm run demo', () => {
    for (const r of [start({ NODE_ENV: 'production', SIMULATOR_ENABLED: 'true' }), start({ NODE_ENV: 'production' }, ['--demo'])]) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Cannot start: .*SIMULATOR_ENABLED: the simulator is a demo tool and cannot run with NODE_ENV=production/s);
    }
    expect(fs.existsSync(path.join(tmp, 'never.db'))).toBe(false);
  });
});
