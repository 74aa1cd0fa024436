// Each test worker gets its own throwaway PGlite database unless a Postgres server is named.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
