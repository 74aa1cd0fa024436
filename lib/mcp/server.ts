import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import type { Translate } from "@/lib/validation/errors";
import { getObjectiveInput, myKeyResults, objectiveWithAlignment, postCheckIn, postCheckInInput, searchObjectives, searchObjectivesInput } from "./tools";

/**
 * The MCP server of one request: a person's token in one organisation. Built per request
 * (stateless Streamable HTTP), so nothing of one caller can stay behind for the next. A read-only
 * token is not offered the writing tool at all, and the tool checks again.
 */
export function retningMcpServer(ctx: TenantContext, options: { canWrite: boolean; t: Translate }): McpServer {
  const server = new McpServer({ name: "retning", version: "1.0.0" }, { instructions: instructions(ctx) });
  const run = async (work: () => Promise<unknown>): Promise<CallToolResult> => {
    try {
      return { content: [{ type: "text", text: JSON.stringify(await work(), null, 2) }] };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { isError: true, content: [{ type: "text", text: describe(error, options.t) }] };
    }
  };

  server.registerTool(
    "list_my_key_results",
    {
      title: "My key results",
      description: "The key results I report on in active cycles: each with its objective, progress, where progress should be today, status, and whether this week's check-in is still owed.",
      annotations: { readOnlyHint: true },
    },
    () => run(() => myKeyResults(ctx)),
  );
  server.registerTool(
    "get_objective",
    {
      title: "Read an objective",
      description: "One objective with its key results and its alignment: the objectives above it up to the company's, and those aligned to it.",
      inputSchema: getObjectiveInput,
      annotations: { readOnlyHint: true },
    },
    ({ objectiveId }) => run(() => objectiveWithAlignment(ctx, objectiveId)),
  );
  server.registerTool(
    "search_objectives",
    {
      title: "Search objectives",
      description: `Objectives of ${ctx.orgName} whose title or key results match the words, in the active cycle unless another is named. Everyone's goals are visible to every member.`,
      inputSchema: searchObjectivesInput,
      annotations: { readOnlyHint: true },
    },
    (input) => run(() => searchObjectives(ctx, input)),
  );
  if (options.canWrite) {
    server.registerTool(
      "post_check_in",
      {
        title: "Check in on a key result",
        description: "Records this week's value and confidence for a key result I may check in on (mine, my objective's, or any as an admin). Progress and status update at once.",
        inputSchema: postCheckInInput,
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
      },
      (input) =>
        run(() => {
          if (!options.canWrite) throw new AppError("forbidden", "errors.tokenReadOnly");
          return postCheckIn(ctx, input, options.t);
        }),
    );
  }
  return server;
}

function instructions(ctx: TenantContext): string {
  return [
    `Retning holds the OKRs (objectives and key results) of ${ctx.orgName}.`,
    "Progress, expected progress and scores are fractions from 0 to 1; 0.7 of a stretch goal counts as success.",
    "People check in weekly on their key results: a value and a confidence (on_track, at_risk, off_track).",
  ].join(" ");
}

/** An error as the assistant reads it: the message, then each field's messages. */
function describe(error: AppError, t: Translate): string {
  const message = /^(errors|validation)\.\w+$/.test(error.message) ? t(error.message) : error.message;
  const fields = Object.entries(error.fields ?? {}).map(([field, messages]) => `${field}: ${messages.map((m) => (/^(errors|validation)\.\w+$/.test(m) ? t(m) : m)).join(" ")}`);
  return [message, ...fields].join("\n");
}
