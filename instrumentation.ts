/**
 * Next calls register() once when a server starts. With RETNING_QUERY_RECORD=<file> (the
 * benchmark's recording server, never production) every SQL statement and its parameters are
 * appended to that file, so `npm run bench` can count and replay what one request executes.
 */
export async function register() {
  const file = process.env.RETNING_QUERY_RECORD;
  if (!file || process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installQueryRecorder } = await import("./bench/query-recorder");
  installQueryRecorder(file);
}
