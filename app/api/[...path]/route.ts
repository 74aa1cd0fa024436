import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

/**
 * An /api path that names no endpoint (a typo, an id with a slash, `..` that the URL resolved
 * away) gets the API's JSON error like every other, not the HTML page a browser gets: programs
 * read the code. Writes still pass the same-origin check first.
 */
const noSuchEndpoint = route({ access: "public" }, () => {
  throw new AppError("not_found", "errors.not_found");
});

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
