// How a list of options is shown to her: one numbered line each ("1. 农村"), the numbers she answers with.
// Options marked `more` (booking days after the days listed, chosen only by naming them) are not shown.
export function optionLines(options: readonly { label: string; more?: boolean }[]): string {
  return listedOptions(options)
    .map((o, i) => `${i + 1}. ${o.label}`)
    .join('\n');
}

/** The options shown in the numbered list (those not marked `more`), in their order. */
export function listedOptions<T extends { more?: boolean }>(options: readonly T[]): T[] {
  return options.filter((o) => !o.more);
}
