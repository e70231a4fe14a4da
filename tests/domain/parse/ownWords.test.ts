import { describe, expect, it } from 'vitest';
import { endsInOwnWord, ownWordForm } from '../../../src/domain/parse/ownWords.js';

const noSurgery = ['没做过什么手术', '没做过手术', '手术没做过', '子宫没切过', '子宫还在', '切了', '切掉'];

describe('own words in the spellings of speech', () => {
  it.each([
    ['没做过啥手术', '没做过什么手术'],
    ['没有做过手术', '没做过手术'],
    ['手术也没做过', '手术没做过'],
    ['啥手术都没做过', '什么手术没做过'],
    ['从来没有怀孕', '没怀孕'],
    ['还不是', '不是'],
  ])('%s reads as %s', (typed, form) => expect(ownWordForm(typed)).toBe(form));

  it.each([
    ['也没有做过啥手术', '没做过什么手术'],
    ['俺也没做过啥手术哩', '俺没做过什么手术'],
    ['啥手术也没做过', '什么手术没做过'],
    ['手术都没有做过', '手术没做过'],
    ['子宫也没切过', '子宫没切过'],
    ['子宫还在的', '子宫还在'],
    ['没做过手术', '没做过手术'],
  ])('%s ends in an own word (%s)', (clause, text) => expect(endsInOwnWord(clause, noSurgery)?.text).toBe(text));

  it('takes the longest own word that fits', () => {
    expect(endsInOwnWord('子宫也没切过', ['切过', '子宫没切过'])?.word).toBe('子宫没切过');
  });

  it.each(['没有', '没查过', '结婚二十多年了', '手术', '做过'])('%s ends in none', (clause) => expect(endsInOwnWord(clause, noSurgery)).toBeUndefined());
});
