import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { tokenRoute } from "@/lib/http";
import { retningMcpServer } from "@/lib/mcp/server";

/**
 * The MCP endpoint (Streamable HTTP) for AI assistants, with a person's API token. Stateless: each
 * request gets its own server and transport, answered as JSON, so any app instance can take any
 * request and nothing is held between them.
 */
const handle = tokenRoute(async ({ req, ctx, token, t }) => {
  const server = retningMcpServer(ctx, { canWrite: token.scope === "read_write", t });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(req);
  } finally {
    await server.close();
  }
});

export const POST = handle;
export const GET = handle;
export const DELETE = handle;
