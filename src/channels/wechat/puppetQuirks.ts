// Work-arounds for known puppet bugs, kept apart so that they are easy to drop when upstream fixes them.

interface EmitterLike {
  removeAllListeners(event: string): unknown;
}

function isEmitterLike(value: unknown): value is EmitterLike {
  return typeof value === 'object' && value !== null && typeof (value as EmitterLike).removeAllListeners === 'function';
}

/**
 * wechaty-puppet-wechat4u 1.14: onStop() calls `wechat4u.stop()`, which emits 'logout'; the puppet's 'logout'
 * listener then calls `this.wechat4u.start()` after onStop() has set `this.wechat4u = undefined`, an unhandled
 * rejection (TypeError) that restarts nothing and that a test runner reports as an error. Dropping those
 * listeners before stopping avoids it. (wechat4u's stop() still logs the account out on the server.)
 */
export function quiesceWechat4uBeforeStop(puppet: unknown): void {
  if (typeof puppet !== 'object' || puppet === null) return;
  const inner = (puppet as { wechat4u?: unknown }).wechat4u;
  if (isEmitterLike(inner)) inner.removeAllListeners('logout');
}
