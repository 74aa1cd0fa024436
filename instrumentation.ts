/**
 * Next calls register() once when a server starts, before it serves a request.
 *
 * - The job queue starts here: actions enqueue their jobs (mail above all) inside their own
 *   transactions, so the queue must be up before the first request. Unless WORKER_IN_APP=false,
 *   this server also works the jobs (sends mail, runs the weekly reminders); deployments with
 *   several app instances may run `npm run worker` instead, or as well.
 * - With RETNING_QUERY_RECORD=<file> (the benchmark's recording server, never production) every
 *   SQL statement and its parameters are appended to that file, so `npm run bench` can count and
 *   replay what one request executes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const file = process.env.RETNING_QUERY_RECORD;
  if (file) {
    const { installQueryRecorder } = await import("./bench/query-recorder");
    installQueryRecorder(file);
  }
  const { env } = await import("./lib/env");
  if (env().WORKER_IN_APP === "false") {
    const { startJobQueue } = await import("./lib/jobs/boss");
    const { announceDelivery } = await import("./lib/jobs/worker");
    await startJobQueue({ maintenance: false });
    announceDelivery();
  } else {
    const { startWorker } = await import("./lib/jobs/worker");
    await startWorker();
  }
}
