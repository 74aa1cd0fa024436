import { signInSchema } from "./accounts";
import { opaque } from "./common";

export const signInRequestSchema = signInSchema.extend({ next: opaque(500).optional() });
