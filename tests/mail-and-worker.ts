import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { startWorker, stopWorker, type WorkerOptions } from "@/lib/jobs/worker";
import { startTestSmtp, type TestSmtp } from "./smtp";

/** Where links in the tests' mail point: APP_URL, never a request's host. */
export const TEST_APP_URL = "https://okr.example.test";

/**
 * For a test file whose work leaves as mail: a real SMTP server and the job worker, started before
 * its tests and stopped after them. The answer stands for the SMTP server once it has started.
 * `policies` shortens a queue's retries so that "fails, then succeeds" plays out in seconds.
 */
export function setupMailAndWorker(policies?: WorkerOptions["policies"]): TestSmtp {
  let smtp: TestSmtp | undefined;
  const started = (): TestSmtp => {
    if (!smtp) throw new Error("The test SMTP server starts in beforeAll; use it inside a test");
    return smtp;
  };

  beforeAll(async () => {
    process.env.APP_URL = TEST_APP_URL;
    resetEnvForTests();
    smtp = await startTestSmtp();
    await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, maintenance: false, policies });
  });

  afterAll(async () => {
    await stopWorker();
    await smtp?.close();
    delete process.env.APP_URL;
    resetEnvForTests();
  });

  return {
    get url() {
      return started().url;
    },
    get messages() {
      return started().messages;
    },
    down: () => started().down(),
    up: () => started().up(),
    waitFor: (count, timeoutMs) => started().waitFor(count, timeoutMs),
    mailTo: (email, timeoutMs) => started().mailTo(email, timeoutMs),
    close: () => started().close(),
  };
}
