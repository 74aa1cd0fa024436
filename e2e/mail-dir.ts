import { resolve } from "node:path";

/** Where the e2e server's mail catcher writes each message it receives (scripts/e2e-server.ts). */
export const E2E_MAIL_DIR = resolve(process.cwd(), ".data/e2e-mail");
