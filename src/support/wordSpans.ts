// Where the everyday words of her message begin and end (星期|几, 问|下|屋里人, 项城|十|来|年), by
// a maintained segmenter with its own dictionary (jieba, through @node-rs/jieba), not a hand-made list.
// Read so that a homophone typo is never read across a word she wrote right (期几 of 星期几 is not 气急).
// The dictionary is read from the package when this module loads (a quarter of a second, once): an adapter,
// handed to the message reader as a function (src/domain/parse/homophoneTypos.ts stays pure).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** The words of `text` of two characters or more, as [start, end) offsets in characters (code points). */
export function wordSpans(text: string): Array<[number, number]> {
  jieba ??= Jieba.withDict(dict);
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const word of jieba.cut(text, false)) {
    const size = [...word].length;
    if (size >= 2) spans.push([at, at + size]);
    at += size;
  }
  return spans;
}
