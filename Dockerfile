# Retning's production image: Next's standalone server on Node 24 LTS.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build

# Migrations run from the full toolchain (tsx, drizzle's migrator) before the app starts.
FROM deps AS migrate
COPY . .
CMD ["npx", "tsx", "db/migrate.ts"]

FROM node:24-bookworm-slim AS app
WORKDIR /app
# A 256 MB old generation (as `npm start`): V8 otherwise sizes its heap to the host and collects
# lazily; the benchmark's 60 s at concurrency 10 then peaked at ~560 MB resident (bench/README.md).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 NODE_OPTIONS=--max-old-space-size=256
RUN useradd --system --uid 1001 retning
COPY --from=build --chown=retning /app/.next/standalone ./
COPY --from=build --chown=retning /app/.next/static ./.next/static
COPY --from=build --chown=retning /app/public ./public
USER retning
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]
