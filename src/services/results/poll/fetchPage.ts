// One GET of a laboratory system's page (Node's global fetch, a time-out per attempt), retried with
// exponential back-off and jitter on network errors, time-outs, 429 (its Retry-After honoured) and
// 5xx. Any other 4xx, or a redirect, is a configuration error (wrong URL, credentials, rights): not
// retried here.
// What went wrong is a reason code and the HTTP status, never the body (it may hold health data).

export interface FetchPolicy {
  timeoutMs: number;
  /** attempts in all (1 = no retry) */
  attempts: number;
  /** the first retry's delay; each further one doubles, with jitter */
  baseDelayMs: number;
  /** a delay (or a Retry-After) longer than this ends the attempts: the next poll tries again */
  maxDelayMs: number;
  /** the largest body read */
  maxBytes: number;
}

export const DEFAULT_FETCH_POLICY: Omit<FetchPolicy, 'timeoutMs'> = { attempts: 3, baseDelayMs: 2_000, maxDelayMs: 60_000, maxBytes: 10 * 1024 * 1024 };

export interface FetchDeps {
  /** waits (tests: moves their clock instead of sleeping) */
  sleep(ms: number): Promise<void>;
  /** in [0, 1): the jitter */
  random(): number;
  fetch?: typeof fetch;
}

/** timeout, network, http_<status>, malformed_json, too_large; `config`: a 3xx or a 4xx other than 429 (a setting is wrong). */
export interface FetchFailure {
  code: string;
  status?: number;
  config: boolean;
  /** the peer asked to wait this long (429/503 Retry-After) */
  retryAfterMs?: number;
}

export type FetchOutcome = { ok: true; body: unknown } | { ok: false; failure: FetchFailure };

export async function fetchPage(url: string, headers: Record<string, string>, policy: FetchPolicy, deps: FetchDeps, now: () => Date): Promise<FetchOutcome> {
  let failure: FetchFailure | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const r = await once(url, headers, policy, deps, now);
    if (r.ok) return r;
    failure = r.failure;
    if (!retryable(failure) || attempt === policy.attempts) break;
    // exponential, with "equal jitter": half fixed, half random (processes that failed together spread out)
    const exp = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    const delay = Math.max(failure.retryAfterMs ?? 0, Math.round(exp / 2 + deps.random() * (exp / 2)));
    if (delay > policy.maxDelayMs) break;
    await deps.sleep(delay);
  }
  return { ok: false, failure: failure! };
}

function retryable(f: FetchFailure): boolean {
  return f.code === 'timeout' || f.code === 'network' || f.status === 429 || (f.status !== undefined && f.status >= 500);
}

async function once(url: string, headers: Record<string, string>, policy: FetchPolicy, deps: FetchDeps, now: () => Date): Promise<FetchOutcome> {
  let res: Response;
  try {
    // (a redirect is not followed: the token goes only to the URL configured; one is a setting to correct)
    res = await (deps.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(policy.timeoutMs), redirect: 'manual' });
  } catch (err) {
    const name = (err as Error).name;
    return { ok: false, failure: { code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', config: false } };
  }
  if (!res.ok) {
    // (the body is not read: an error page may echo what was asked)
    await res.body?.cancel().catch(() => undefined);
    const retryAfterMs = res.status === 429 || res.status === 503 ? retryAfter(res.headers.get('retry-after'), now()) : undefined;
    const config = res.status >= 300 && res.status < 500 && res.status !== 429;
    return { ok: false, failure: { code: `http_${res.status}`, status: res.status, config, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) } };
  }
  let text: string;
  try {
    const read = await readAtMost(res, policy.maxBytes);
    if (read === undefined) return { ok: false, failure: { code: 'too_large', config: false } };
    text = read;
  } catch (err) {
    const name = (err as Error).name;
    return { ok: false, failure: { code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', config: false } };
  }
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, failure: { code: 'malformed_json', config: false } };
  }
}

/** Retry-After: seconds, or an HTTP date. */
export function retryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The body as text, or undefined when it is longer than `max` bytes. */
async function readAtMost(res: Response, max: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
