// Work-arounds for known puppet bugs, kept apart so that they are easy to drop when upstream fixes them.

interface Wechat4uLike {
  removeAllListeners(event: string): unknown;
  start: () => unknown;
  restart: () => unknown;
}

function isWechat4uLike(value: unknown): value is Wechat4uLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Wechat4uLike>;
  return typeof candidate.removeAllListeners === 'function' && typeof candidate.start === 'function' && typeof candidate.restart === 'function';
}

/**
 * wechaty-puppet-wechat4u 1.14: while WeChat is unreachable, wechat4u fails, emits 'logout', and the puppet's
 * 'logout' listener saves the session file and calls `this.wechat4u.start()` again (a retry loop). When the puppet
 * is stopped meanwhile, onStop() sets `this.wechat4u = undefined` and the pending listener then throws a TypeError
 * as an unhandled rejection (which a test runner reports as an error), or restarts a login after stop.
 *
 * Before stopping: drop those listeners, turn further (re)starts of this wechat4u instance into no-ops, and keep
 * the puppet's reference to it so a listener already running finds an inert object. wechat4u's own stop() still
 * runs (it clears its timers and logs the account out on the server).
 */
export function quiesceWechat4uBeforeStop(puppet: unknown): void {
  if (typeof puppet !== 'object' || puppet === null) return;
  const inner = (puppet as { wechat4u?: unknown }).wechat4u;
  if (!isWechat4uLike(inner)) return;
  inner.removeAllListeners('logout');
  inner.start = () => Promise.resolve();
  inner.restart = () => Promise.resolve();
  Object.defineProperty(puppet, 'wechat4u', {
    configurable: true,
    enumerable: true,
    get: () => inner,
    set: () => undefined,
  });
}
