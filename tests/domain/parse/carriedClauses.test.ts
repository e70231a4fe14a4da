import { describe, expect, it } from 'vitest';
import { carriedClauses } from '../../../src/domain/parse/carriedClauses.js';

describe('carriedClauses', () => {
  it('splits at punctuation and spaces, keeping dates with dots whole', () => {
    expect(carriedClauses('1978.5.6，本地户口 农村的')).toEqual(['1978.5.6', '本地户口', '农村的']);
  });
  it('never carries a question or a bare yes/no', () => {
    expect(carriedClauses('想查两癌 能免费吗？是 没有 我50了')).toEqual(['想查两癌', '我50了']);
  });
  it('leaves out the clause that answered', () => {
    expect(carriedClauses('82年的 户口在这', (c) => c.startsWith('82'))).toEqual(['户口在这']);
  });
});
