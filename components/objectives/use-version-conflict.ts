"use client";

import { useState } from "react";
import { ApiError } from "@/lib/api-client";

interface FormState {
  error: unknown;
  reset: () => void;
}

/**
 * The 409 handling the objective and key-result dialogs share: the version the next save names,
 * the newer version someone else saved (the server sends it as `current`), and the two ways out —
 * take theirs (close and reload the page) or keep mine (save again on top of theirs, knowingly).
 */
export function useVersionConflict<T extends { version: number }>(form: FormState, initialVersion: number, reload: () => void) {
  const [version, setVersion] = useState(initialVersion);
  const current = form.error instanceof ApiError && form.error.status === 409 ? form.error.details.current : undefined;
  const conflict = isVersioned<T>(current) ? current : undefined;
  return {
    version,
    conflict,
    useTheirs: () => {
      form.reset();
      reload();
    },
    keepMine: () => {
      if (conflict) setVersion(conflict.version);
      form.reset();
    },
  };
}

/** The server's snapshot of the saved version: an object with a numeric version. */
function isVersioned<T extends { version: number }>(value: unknown): value is T {
  return typeof value === "object" && value !== null && "version" in value && typeof value.version === "number";
}
