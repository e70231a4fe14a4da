// The console's one way to the API: same-origin fetch with the session cookie, JSON in and out (or a
// file's bytes up, apiUpload), the CSRF token on every state-changing request; 401 goes to the login page, 403 password_change_required
// to the password page.
import { router } from './router';
import { session } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error ?? status));
  }
  get code(): string {
    return String(this.body.error ?? '');
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  const res = await fetch(`/api/staff${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  return answer<T>(res, path);
}

/** POSTs a file as the raw body (an upload), with the CSRF token; JSON back. */
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  const res = await fetch(`/api/staff${path}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  return answer<T>(res, path);
}

async function answer<T>(res: Response, path: string): Promise<T> {
  const data = res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as Record<string, unknown>);
  if (res.ok) return data as T;
  if (res.status === 401 && path !== '/session') {
    session.account = undefined;
    await router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } });
  } else if (res.status === 403 && data.error === 'password_change_required') {
    await router.push({ name: 'password' });
  }
  throw new ApiError(res.status, data);
}
