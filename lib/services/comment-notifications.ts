export async function notifyComments(orgId: string, objectiveId: string): Promise<number> { void orgId; void objectiveId; return 0; }
