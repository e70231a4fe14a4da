// A test's worker in its own OS process (two processes racing on one PostgreSQL database): the
// worker connects, prints "ready" and waits for "go" on stdin, so that workers start together
// however long each took to load; it then prints one JSON line with its result and exits 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface WorkerProcess<T> {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the worker printed "ready". */
  ready: Promise<void>;
  /** Its JSON line, once it exited 0. */
  done: Promise<T>;
}

export function startWorker<T>(script: string, args: string[], name: string, timeoutMs = 75_000): WorkerProcess<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: process.cwd() });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('ready\n') && resolve());
    child.on('exit', (code) => reject(new Error(`worker ${name} exited ${code} before ready: ${err.slice(-2000)}`)));
  });
  const done = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker ${name} timed out`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`worker ${name} exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as T);
    });
  });
  // a worker that fails before it is awaited must not surface as an unhandled rejection
  ready.catch(() => undefined);
  done.catch(() => undefined);
  return { child, ready, done };
}

/** Waits until every worker is ready, tells them all "go", and returns their results; kills what is left. */
export async function raceWorkers<T>(workers: WorkerProcess<T>[]): Promise<T[]> {
  try {
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.write('go\n');
    return await Promise.all(workers.map((w) => w.done));
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
}
