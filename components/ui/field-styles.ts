/** Shared by input, textarea and select so every field looks and focuses the same. */
export const fieldClasses =
  "w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-fg shadow-card placeholder:text-subtle " +
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40 " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger";
