-- Drizzle cannot emit FORCE ROW LEVEL SECURITY: without it a table's owner skips the policies.
ALTER TABLE "organisations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "teams" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "team_members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cycles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "objectives" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "key_results" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "objective_progress_history" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "check_ins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "comments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activity" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The app role reads and writes rows, nothing more; it owns no table.
GRANT USAGE ON SCHEMA public TO retning_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO retning_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO retning_app;--> statement-breakpoint
-- History is append-only: a mistaken check-in is corrected by a newer one, never rewritten.
REVOKE UPDATE, DELETE ON "check_ins" FROM retning_app;--> statement-breakpoint
REVOKE UPDATE, DELETE ON "activity" FROM retning_app;
