import { OK, route } from "@/lib/http";
import { unsubscribe } from "@/lib/services/notification-settings";
import { unsubscribeParams } from "@/lib/validation/notifications";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` here without a
 * session or an Origin; the signed token is the authorisation. The footer link's page posts here too.
 */
export const POST = route({ access: "public", params: unsubscribeParams }, async ({ params }) => {
  const { topic } = await unsubscribe(params.token);
  return { ...OK, topic };
});
