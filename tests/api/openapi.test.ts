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
  it('describes the hospital push and the staff results routes', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/hospital/results',
      '/api/staff/pregnancies/missed',
      '/api/staff/reminders/dropped',
      '/api/staff/results',
      '/api/staff/results/upload',
      '/api/staff/results/{id}/match',
      '/api/staff/results/{id}/release',
      '/api/staff/results/{id}/told-in-person',
    ]);
  });

  it('gives the upload its query, a binary body and the report', () => {
    const upload = doc.paths['/api/staff/results/upload'].post;
    expect(upload.parameters!.map((p) => [p.name, p.in, p.required])).toEqual([
      ['hospitalId', 'query', true],
      ['takeGoodRows', 'query', false],
    ]);
    expect(upload.requestBody!.content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(upload.security).toEqual([{ adminToken: [] }]);
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
    expect(list.security).toEqual([{ adminToken: [] }]);
    expect(list.parameters!.map((p) => p.name)).toEqual(['from', 'to', 'limit', 'status', 'match']);
  });
});
