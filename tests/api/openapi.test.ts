// The OpenAPI document is generated from the zod schemas the routes validate with: what it says a
// route takes is what the route checks.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/openapi.js';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean }[];
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        security?: unknown[];
        responses: Record<string, unknown>;
      }
    >
  >;
};
const doc = openApiDocument() as Doc;

describe('the OpenAPI document', () => {
  it('describes the hospital push and every staff route', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/hospital/results',
      '/api/sms/status',
      '/api/staff/accounts',
      '/api/staff/accounts/scope-options',
      '/api/staff/accounts/{id}/alert-phone',
      '/api/staff/accounts/{id}/disable',
      '/api/staff/accounts/{id}/enable',
      '/api/staff/accounts/{id}/password-reset',
      '/api/staff/accounts/{id}/scope',
      '/api/staff/accounts/{id}/unlock',
      '/api/staff/audit',
      '/api/staff/bot-accounts',
      '/api/staff/bot-accounts/{account}/login-qr',
      '/api/staff/capacity/options',
      '/api/staff/follow-ups',
      '/api/staff/follow-ups/export',
      '/api/staff/follow-ups/{id}',
      '/api/staff/follow-ups/{id}/aid',
      '/api/staff/follow-ups/{id}/booked',
      '/api/staff/follow-ups/{id}/close',
      '/api/staff/follow-ups/{id}/contacted',
      '/api/staff/follow-ups/{id}/done',
      '/api/staff/follow-ups/{id}/group',
      '/api/staff/follow-ups/{id}/owner',
      '/api/staff/handoffs',
      '/api/staff/handoffs/counts',
      '/api/staff/handoffs/{id}',
      '/api/staff/handoffs/{id}/claim',
      '/api/staff/handoffs/{id}/close',
      '/api/staff/handoffs/{id}/release',
      '/api/staff/handoffs/{id}/reply',
      '/api/staff/hospital-keys',
      '/api/staff/hospital-keys/{hospitalId}',
      '/api/staff/hospitals/{hospitalId}/attendance',
      '/api/staff/hospitals/{hospitalId}/bookings',
      '/api/staff/hospitals/{hospitalId}/bookings/export',
      '/api/staff/hospitals/{hospitalId}/capacity',
      '/api/staff/hospitals/{hospitalId}/closures',
      '/api/staff/hospitals/{hospitalId}/closures/{day}/{session}',
      '/api/staff/hospitals/{hospitalId}/no-shows',
      '/api/staff/hospitals/{hospitalId}/reservations',
      '/api/staff/hospitals/{hospitalId}/services/{serviceId}/capacity',
      '/api/staff/hospitals/{hospitalId}/slots',
      '/api/staff/hospitals/{hospitalId}/waitlists',
      '/api/staff/indicators',
      '/api/staff/pregnancies',
      '/api/staff/pregnancies/missed',
      '/api/staff/pregnancies/{id}/referral',
      '/api/staff/reminders/dropped',
      '/api/staff/results',
      '/api/staff/results/upload',
      '/api/staff/results/{id}/match',
      '/api/staff/results/{id}/notice',
      '/api/staff/results/{id}/release',
      '/api/staff/results/{id}/told-in-person',
      '/api/staff/scope',
      '/api/staff/session',
      '/api/staff/session/password',
      '/api/staff/women',
      '/api/staff/women/{id}',
      '/api/staff/women/{id}/id-number',
    ]);
  });

  it('gives the upload its query, a binary body and the report', () => {
    const upload = doc.paths['/api/staff/results/upload'].post;
    expect(upload.parameters!.map((p) => [p.name, p.in, p.required])).toEqual([
      ['hospitalId', 'query', true],
      ['takeGoodRows', 'query', false],
    ]);
    expect(upload.requestBody!.content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(upload.security).toEqual([{ consoleSession: [] }, { adminToken: [] }]);
    expect(Object.keys(upload.responses)).toEqual(['200', '400', '413', '422', '503']);
  });

  it('gives the push its signature headers and the record shape of the zod schema, one variant per category', () => {
    const push = doc.paths['/api/hospital/results'].post;
    expect(push.parameters!.filter((p) => p.in === 'header').map((p) => [p.name, p.required])).toEqual([
      ['x-api-key', true],
      ['x-timestamp', true],
      ['x-request-id', true],
      ['x-signature', true],
    ]);
    const results = push.requestBody!.content['application/json'].schema as {
      properties: {
        results: { maxItems: number; items: { required: string[]; properties: { result: { oneOf: { properties: { category: { enum: string[] } } }[] } } } };
      };
    };
    expect(results.properties.results.maxItems).toBe(500);
    expect(results.properties.results.items.required).toEqual(['hospitalId', 'hospitalResultId', 'date', 'result']);
    expect(results.properties.results.items.properties.result.oneOf.map((v) => v.properties.category.enum[0])).toEqual([
      'hpv',
      'cytology',
      'histology',
      'breast',
      'serum',
      'nt',
      'nipt',
      'heelBlood',
      'hearing',
    ]);
    expect(Object.keys(push.responses).sort()).toEqual(['200', '400', '401', '409', '413', '503']);
  });

  it('puts the staff routes behind the admin token, with their filters', () => {
    const list = doc.paths['/api/staff/results'].get;
    expect(list.security).toEqual([{ consoleSession: [] }, { adminToken: [] }]);
    expect(list.parameters!.map((p) => p.name)).toEqual(['from', 'to', 'limit', 'status', 'match', 'escalated', 'overdue']);
    const indicators = doc.paths['/api/staff/indicators'].get;
    expect(indicators.security).toEqual([{ consoleSession: [] }, { adminToken: [] }]);
    expect(indicators.parameters!.map((p) => [p.name, p.required])).toEqual([
      ['region', true],
      ['from', true],
      ['to', true],
    ]);
    expect(Object.keys(indicators.responses).sort()).toEqual(['200', '400', '404']);
  });

  it('gives each listed result when it was held, its deadline and when it was escalated', () => {
    const ok = doc.paths['/api/staff/results'].get.responses['200'] as {
      content: { 'application/json': { schema: { properties: { results: { items: { properties: Record<string, unknown>; required: string[] } } } } } };
    };
    const row = ok.content['application/json'].schema.properties.results.items;
    expect(row.required).toEqual(expect.arrayContaining(['heldAt', 'deadline', 'escalatedAt']));
    expect(row.properties.deadline).toMatchObject({ type: 'string', nullable: true });
  });

  it('describes the follow-up worklist filters and the closing body (the fixed outcomes, a stage, the version read)', () => {
    const list = doc.paths['/api/staff/follow-ups'].get;
    expect(list.security).toEqual([{ consoleSession: [] }, { adminToken: [] }]);
    expect(list.parameters!.map((p) => p.name)).toEqual(['region', 'category', 'status', 'overdue', 'owner', 'escalated', 'page', 'pageSize']);
    const close = doc.paths['/api/staff/follow-ups/{id}/close'].post;
    const body = close.requestBody!.content['application/json'].schema as {
      required: string[];
      properties: { outcome: { enum: string[] }; stage: { enum: string[] } };
    };
    expect(body.required).toEqual(['version', 'outcome']);
    expect(body.properties.outcome.enum).toContain('hearingLossConfirmed');
    expect(body.properties.stage.enum).toEqual(['0', 'I', 'II', 'III', 'IV']);
    expect(Object.keys(close.responses).sort()).toEqual(['200', '400', '404', '409', '422']);
  });
});
