/**
 * `npm run worker`: the job worker on its own, for deployments that run several app instances
 * (set WORKER_IN_APP=false on them) or want mail and reminders apart from web traffic. Needs a
 * Postgres server (DATABASE_URL): PGlite is one process's database, and there the web server's own
 * worker does the work.
 */
import { closeDb } from "../db/client";
import { env } from "../lib/env";
import { startWorker, stopWorker } from "../lib/jobs/worker";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL: with the embedded PGlite, the web server runs the worker itself.");
    process.exit(1);
  }
  env();
  await startWorker();
  console.log("Retning worker: sending mail and running the weekly rhythm. Ctrl-C to stop.");
  const stop = async () => {
    await stopWorker();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
