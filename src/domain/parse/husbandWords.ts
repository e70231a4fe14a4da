// The names women use for their husband, one list for every reader of her words: 老公, 爱人, 当家的,
// 孩子他爸; in Henan also 孩他爹, 掌柜的, 那口子; in Hunan 老倌, 屋里男的 (我户口在娘屋里冇迁过来 老倌是本地的).
export const HUSBAND_WORDS: readonly string[] = [
  '老公',
  '丈夫',
  '爱人',
  '对象',
  '男人',
  '孩子他爸',
  '孩子他爹',
  '孩子爸',
  '孩他爸',
  '孩他爹',
  '娃他爸',
  '娃爸',
  '娃他爹',
  '老伴',
  '当家的',
  '当家哩',
  '掌柜的',
  '那口子',
  '老倌',
  // (屋里男的, 家里男的: the man of her house)
  '屋里男的',
  '家里男的',
  '我家男的',
  '俺家男的',
];

/** Any of HUSBAND_WORDS, as a regular expression source (for lookarounds). */
export const HUSBAND_SOURCE = HUSBAND_WORDS.join('|');
