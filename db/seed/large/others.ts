import { otherShape, otherSlug, type OrgShape } from "./sizes";
import type { Session } from "./sql";

/**
 * The small neighbours of the large organisation: other-01 … other-50, eight people and two teams
 * each, so every query of the benchmark runs beside other tenants' rows. One set serves every
 * size; only the missing ones are created.
 */
export async function missingOthers(session: Session, count: number): Promise<OrgShape[]> {
  const rows = await session.query<{ slug: string }>("select slug from organisations where slug ~ '^other-[0-9]{2}$'");
  const existing = new Set(rows.map((row) => row.slug));
  const shapes: OrgShape[] = [];
  for (let index = 1; index <= count; index++) if (!existing.has(otherSlug(index))) shapes.push(otherShape(index));
  return shapes;
}
