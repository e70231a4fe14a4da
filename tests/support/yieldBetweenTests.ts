// Lets the test worker's event loop turn before every test. A file whose tests only await
// promises that are already settled (SQLite answers synchronously through better-sqlite3) never
// returns to the loop: vitest's reply to the worker's own progress report then waits unread, and
// once a minute has passed the worker fails the run with "Timeout calling onTaskUpdate" although
// every test passed (the conversation cases on SQLite ran minutes without a turn of the loop).
import { setImmediate } from 'node:timers';
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
