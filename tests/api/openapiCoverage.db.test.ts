// Every staff and hospital route the app mounts is in the OpenAPI document, with its method: the
// routes are read from the running express app, so a route added without its description fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { openApiDocument } from '../../src/api/openapi.js';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** "METHOD /path/{param}" for every route under /api/staff, /api/hospital or /api/sms. */
function mountedRoutes(stack: Layer[]): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
      if (/^\/api\/(staff|hospital|sms)\//.test(path)) for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${path}`);
    } else if (layer.handle?.stack) out.push(...mountedRoutes(layer.handle.stack));
  }
  return [...new Set(out)].sort();
}

describe.skipIf(dbUnavailable)('the OpenAPI document covers the mounted routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('lists every staff and hospital route with its method', () => {
    const routes = mountedRoutes((t.app.http as unknown as { _router: { stack: Layer[] } })._router.stack);
    expect(routes).toContain('PUT /api/staff/hospitals/{hospitalId}/services/{serviceId}/capacity');
    expect(routes).toContain('POST /api/staff/hospitals/{hospitalId}/attendance');
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(routes.filter((r) => !described.includes(r))).toEqual([]);
    expect(described.filter((d) => !routes.includes(d))).toEqual([]);
  });
});
