export async function writeDigests(orgId: string, week: string): Promise<number> { void orgId; void week; return 0; }
