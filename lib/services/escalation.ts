export async function writeEscalations(orgId: string, week: string): Promise<number> { void orgId; void week; return 0; }
