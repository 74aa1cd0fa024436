// Scripts that run the server's code outside Next (the job worker, benchmarks) load this first
// (`tsx --import ./scripts/outside-next.mjs …`). Services are marked `import "server-only"` so that
// no client component can pull them into a browser bundle; these scripts are the server, so the
// marker resolves to nothing here, as it does in Next's server bundles.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
      }`,
    ),
);
