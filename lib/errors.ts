/**
 * The one error type services and route handlers throw on purpose. lib/http.ts turns it into
 * `{ error: { code, message, fields } }` with the status below; anything else becomes a 500
 * without details.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra data the client needs, e.g. the newer version on a conflict or seconds to wait. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("forbidden", message);
export const invalid = (fields: FieldErrors, message = "Some fields need attention.") =>
  new AppError("validation_failed", message, fields);

/** An update that named an older version than the stored one: someone else saved first. */
export const versionConflict = (current: unknown) =>
  new AppError("conflict", "Someone else saved a newer version while you were editing.", undefined, { current });
