import { z } from "zod";
import { uuid } from "./common";

/** The team whose branch of the dashboard's team table to send; none for every team. */
export const teamRowsQuery = z.object({ parent: uuid.optional() });
