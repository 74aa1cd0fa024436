/**
 * A constant answer with no session and no database: the benchmark's floor for "what Next alone
 * costs per request", and a liveness probe (GET /api/health also checks the database).
 */
export const GET = () => Response.json({ ok: true });
