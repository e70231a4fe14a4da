// Her earlier words kept for the questions that follow (src/flows/earlierWords.ts). Today is 2026-03-02.
import { describe, expect, it } from 'vitest';
import { inputSpecSchema } from '../../src/domain/parse/inputSpec.js';
import { keepRestOfAnswer, readStepFromEarlierWords } from '../../src/flows/earlierWords.js';
import type { AskStep } from '../../src/flows/flowSchema.js';
import type { EngineState } from '../../src/services/conversationState.js';

const TODAY = '2026-03-02';
const engine = (e: Partial<EngineState> = {}): EngineState => ({ stack: [], ...e });
const weeksStep = { id: 'pregnancy', kind: 'ask', text: '', input: inputSpecSchema.parse({ type: 'gestation' }), fromTrigger: true } as unknown as AskStep;

describe('keepRestOfAnswer', () => {
  it('keeps what her answer said besides the answer', () => {
    const e = engine();
    keepRestOfAnswer(e, '唐筛 我18周了', (c) => c === '唐筛');
    expect(e.carried).toEqual(['我18周了']);
  });
  it('an answer that is all answer (同意 to the health consent) leaves what an answer before it left', () => {
    const e = engine({ carried: ['我18周了'] });
    keepRestOfAnswer(e, '同意', () => true);
    expect(e.carried).toEqual(['我18周了']);
  });
  it('a new rest takes the place of the old', () => {
    const e = engine({ carried: ['我18周了'] });
    keepRestOfAnswer(e, '1 俺是花园的', (c) => c === '1');
    expect(e.carried).toEqual(['俺是花园的']);
  });
});

describe('readStepFromEarlierWords: the weeks question', () => {
  it('reads her weeks from the words that started the flow', () => {
    const e = engine({ trigger: { text: '怀孕11周了 想约NT', tried: ['booking.service'] } });
    expect(readStepFromEarlierWords(e, TODAY, 'booking', weeksStep, undefined)).toEqual({ value: '2026-09-21' });
  });
  it('not the weeks of another woman (我妹妹怀孕12周)', () => {
    const e = engine({ trigger: { text: '我妹妹怀孕12周 想约NT', tried: ['booking.service'] } });
    expect(readStepFromEarlierWords(e, TODAY, 'booking', weeksStep, undefined)).toBeUndefined();
  });
});
