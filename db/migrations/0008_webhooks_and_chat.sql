CREATE TABLE "integration_deliveries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"response_status" integer,
	"response_body" text,
	"duration_ms" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "integration_deliveries_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "integration_deliveries_status_check" CHECK ("integration_deliveries"."status" in ('pending', 'sending', 'delivered', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "integration_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "integration_endpoints" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret" text,
	"previous_secret" text,
	"previous_secret_until" timestamp with time zone,
	"post_digest" boolean DEFAULT false NOT NULL,
	"check_in_team_id" uuid,
	"post_status_changes" boolean DEFAULT false NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_endpoints_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "integration_endpoints_kind_check" CHECK ("integration_endpoints"."kind" in ('webhook', 'slack', 'teams')),
	CONSTRAINT "integration_endpoints_disabled_reason_check" CHECK ("integration_endpoints"."disabled_reason" is null or "integration_endpoints"."disabled_reason" in ('paused', 'failing'))
);
--> statement-breakpoint
ALTER TABLE "integration_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "integration_deliveries" ADD CONSTRAINT "integration_deliveries_endpoint_fk" FOREIGN KEY ("org_id","endpoint_id") REFERENCES "public"."integration_endpoints"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_endpoints" ADD CONSTRAINT "integration_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_endpoints" ADD CONSTRAINT "integration_endpoints_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_deliveries_endpoint_created_idx" ON "integration_deliveries" USING btree ("org_id","endpoint_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "integration_endpoints_org_created_idx" ON "integration_endpoints" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "integration_deliveries" AS PERMISSIVE FOR ALL TO "retning_app" USING ("integration_deliveries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("integration_deliveries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "integration_endpoints" AS PERMISSIVE FOR ALL TO "retning_app" USING ("integration_endpoints"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("integration_endpoints"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- A chat connection may post one team's check-ins; deleting the team stops that, and only that
-- (SET NULL of the one column: the org_id stays). Drizzle cannot emit a column list here.
ALTER TABLE "integration_endpoints" ADD CONSTRAINT "integration_endpoints_check_in_team_fk" FOREIGN KEY ("org_id","check_in_team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE SET NULL ("check_in_team_id");--> statement-breakpoint
-- Drizzle cannot emit FORCE ROW LEVEL SECURITY: without it a table's owner skips the policies.
ALTER TABLE "integration_endpoints" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "integration_deliveries" FORCE ROW LEVEL SECURITY;
