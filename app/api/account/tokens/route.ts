import { route } from "@/lib/http";
import { createApiToken, listMyApiTokens } from "@/lib/services/api-tokens";
import { newApiTokenSchema } from "@/lib/validation/api-tokens";

/** The signed-in person's API tokens. Session only: a token cannot list or make tokens. */
export const GET = route({ access: "user" }, async ({ user }) => ({ tokens: await listMyApiTokens(user.id) }));

/** The secret is in this answer and nowhere else, ever. */
export const POST = route({ access: "user", body: newApiTokenSchema }, async ({ user, body }) => {
  const { token, secret } = await createApiToken(user.id, body);
  return { token, secret };
});
