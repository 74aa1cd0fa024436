import { z } from "zod";
import { signInSchema } from "./accounts";

export const signInRequestSchema = signInSchema.extend({ next: z.string().max(500).optional() });
