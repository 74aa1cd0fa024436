import { json, route } from "@/lib/http";
import { databaseReachable } from "@/lib/services/health";

export const GET = route({ access: "public" }, async () => {
  const database = await databaseReachable();
  return json({ ok: database, database }, { status: database ? 200 : 503 });
});
