CREATE TYPE "public"."api_token_scope" AS ENUM('read', 'read_write');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" "api_token_scope" NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_membership_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_org_created_idx" ON "api_tokens" USING btree ("org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "api_tokens" AS PERMISSIVE FOR ALL TO "retning_app" USING ("api_tokens"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("api_tokens"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "api_token_own" ON "api_tokens" AS PERMISSIVE FOR ALL TO "retning_app" USING ("api_tokens"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("api_tokens"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "api_token_by_secret" ON "api_tokens" AS PERMISSIVE FOR SELECT TO "retning_app" USING ("api_tokens"."token_hash" = nullif(current_setting('app.token_hash', true), ''));--> statement-breakpoint
CREATE POLICY "api_token_used_by_secret" ON "api_tokens" AS PERMISSIVE FOR UPDATE TO "retning_app" USING ("api_tokens"."token_hash" = nullif(current_setting('app.token_hash', true), '')) WITH CHECK ("api_tokens"."token_hash" = nullif(current_setting('app.token_hash', true), ''));--> statement-breakpoint
-- Drizzle cannot emit FORCE ROW LEVEL SECURITY: without it a table's owner skips the policies.
ALTER TABLE "api_tokens" FORCE ROW LEVEL SECURITY;
