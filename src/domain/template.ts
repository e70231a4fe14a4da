// Fills {name} placeholders in a text from flows or profiles. Unknown names are left visible
// (so a missing value shows up in tests instead of silently vanishing).
export type TemplateVars = Record<string, string | number | null | undefined>;

export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(/\{([a-zA-Z0-9_.]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/** Placeholder names used in a template, for start-up validation. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z0-9_.]+)\}/g)].map((m) => m[1]);
}
