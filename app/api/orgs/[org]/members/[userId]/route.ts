import { OK, route } from "@/lib/http";
import { changeRole, removeMember } from "@/lib/services/members";
import { changeRoleSchema, memberParams } from "@/lib/validation/members";

export const PATCH = route({ access: "member", params: memberParams, body: changeRoleSchema }, async ({ ctx, params, body }) => {
  await changeRole(ctx, params.userId, body.role);
  return OK;
});

export const DELETE = route({ access: "member", params: memberParams }, async ({ ctx, params }) => {
  await removeMember(ctx, params.userId);
  return OK;
});
