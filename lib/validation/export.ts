import { z } from "zod";
import { uuid } from "./common";

/** `?cycle=` names the cycle to export; without it, the cycle pages show by default. */
export const exportQuery = z.object({ cycle: uuid.optional() });
