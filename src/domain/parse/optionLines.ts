// How a list of options is shown to her: one numbered line each ("1. 农村"), the numbers she answers with.
export function optionLines(options: readonly { label: string }[]): string {
  return options.map((o, i) => `${i + 1}. ${o.label}`).join('\n');
}
