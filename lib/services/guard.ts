import "server-only";
import { can, type Action, type Subjects } from "@/lib/permissions";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";

type SubjectArgs<A extends Action> = Subjects[A] extends undefined ? [] : [subject: Subjects[A]];

/** Services call this before every write: the permission table decides, a refusal is a 403. */
export function authorize<A extends Action>(ctx: TenantContext, action: A, ...subject: SubjectArgs<A>): void {
  if (!can(ctx, action, ...subject)) throw new AppError("forbidden", "errors.forbidden");
}
