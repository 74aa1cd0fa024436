import { z } from "zod";
import { password, text } from "./common";

/** A new person joining through an invitation: the email is the invitation's own. */
export const invitationSignUpSchema = z.object({ name: text(1, 100), password });
