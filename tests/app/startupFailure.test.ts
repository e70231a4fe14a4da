// A bad flow or profile file stops start-up, naming the file, the path inside it and the reason.
// Each case starts the real entry point in a process of its own; two run at a time, and the test
// worker waits for them without blocking (a blocked worker cannot answer the test runner).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Two start-ups at a time (this project's machines have two cores). */
let running = 0;
const waiting: (() => void)[] = [];
async function slot(): Promise<() => void> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

let started = 0;

/** Starts the service; `database` is the SQLite file it was given (each start its own). */
async function start(env: Record<string, string>, args: string[] = []): Promise<{ status: number | null; stderr: string; database: string }> {
  const database = path.join(tmp, `never-${++started}.db`);
  const release = await slot();
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
        env: { ...process.env, DATABASE_URL: `file:${database}`, PORT: '0', WECHAT_ENABLED: 'false', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 60_000,
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stderr, database }));
    });
  } finally {
    release();
  }
}

// (a test may wait for the start-ups of others before its own)
describe.concurrent('start-up with a bad data file', { timeout: 180_000 }, () => {
  it('stops on a broken flow file, naming the file, the step and the reason', async () => {
    const dir = path.join(tmp, 'flows');
    fs.cpSync('flows', dir, { recursive: true });
    const file = path.join(dir, 'consent.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('next: thanks', 'next: nowhere'));
    const r = await start({ FLOWS_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*flows\/consent\.yaml: steps\[1\] \(id "agree"\)\.next: unknown step "nowhere"/);
    expect(fs.existsSync(r.database)).toBe(false);
  });

  it('stops on a broken profile file, naming the file and the path inside it', async () => {
    const dir = path.join(tmp, 'profiles');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'henan.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/min: 35/, 'min: "thirty-five"'));
    const r = await start({ PROFILES_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*henan\.yaml: .*min/);
  });

  it('stops on a bad holiday calendar, naming the file, the path inside it and the reason', async () => {
    const dir = path.join(tmp, 'profiles-calendar');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'calendar', 'workdays.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('workdays: [2026-05-09]', 'workdays: [2026-05-05]'));
    const r = await start({ PROFILES_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /Cannot start: .*calendar\/workdays\.yaml: years\.2026\.holidays\[3\]\.workdays\[0\]: 2026-05-05 is both a day off \(劳动节\) and a working day/,
    );
  });

  it("stops on a broken result mapping, naming the file, the path and the reason (not on a poll's missing token)", async () => {
    const dir = path.join(tmp, 'profiles-mapping');
    fs.cpSync('profiles', dir, { recursive: true });
    const file = path.join(dir, 'result-mappings', 'lis-json.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('items: data.items', 'items: data[items'));
    const r = await start({ PROFILES_DIR: dir, XC_FIRST_LIS_TOKEN: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*result-mappings\/lis-json\.yaml: page\.items: not a path: "\[" without "\]" in "data\[items"/);
    expect(fs.existsSync(r.database)).toBe(false);
  });

  it('stops on a bad setting, naming the variable', async () => {
    const r = await start({ DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//);
  });

  it('refuses the simulator in production, from the setting or from npm run demo', async () => {
    for (const r of await Promise.all([start({ NODE_ENV: 'production', SIMULATOR_ENABLED: 'true' }), start({ NODE_ENV: 'production' }, ['--demo'])])) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Cannot start: .*SIMULATOR_ENABLED: the simulator is a demo tool and cannot run with NODE_ENV=production/s);
      expect(fs.existsSync(r.database)).toBe(false);
    }
  });
});
