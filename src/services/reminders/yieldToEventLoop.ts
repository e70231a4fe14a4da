/**
 * Lets other work run between the pages of a long job. On SQLite every query resolves at once, so a
 * night's planning would otherwise hold the event loop for seconds and no woman's message would be
 * answered meanwhile.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
