/** Tests create and throw away organisations: never point them at a database that is not on this machine. */
export function assertLocalDatabase(url: string | undefined): void {
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against the non-local database host "${host}".`);
  }
}
