// What her records already answer, so she is not asked it: a registered pregnancy answers "are you
// pregnant now?" until the birth or a loss.
export async function factsKnownFromRecords(pregnancies: { active(contactId: string): Promise<unknown> }, contactId: string): Promise<Record<string, unknown>> {
  return (await pregnancies.active(contactId)) ? { pregnant: true } : {};
}
