// Builds valid resident ID numbers for tests: the ISO 7064 MOD 11-2 check character computed
// independently of the code under test.
export function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check character. */
export function withWrongCheckChar(first17: string): string {
  const good = withCheckChar(first17);
  return first17 + (good.endsWith('0') ? '1' : '0');
}
