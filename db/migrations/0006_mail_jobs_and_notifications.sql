CREATE TABLE "account_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_email" text NOT NULL,
	"to_user_id" uuid,
	"locale" "locale" NOT NULL,
	"data" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	CONSTRAINT "account_outbox_status_check" CHECK ("account_outbox"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "comment_notifications" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"notified_through" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	CONSTRAINT "comment_notifications_org_id_objective_id_pk" PRIMARY KEY("org_id","objective_id")
);
--> statement-breakpoint
ALTER TABLE "comment_notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_email" text NOT NULL,
	"to_user_id" uuid,
	"locale" "locale" NOT NULL,
	"data" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	CONSTRAINT "outbox_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_up_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"organisation_name" text NOT NULL,
	"organisation_slug" text,
	"time_zone" text NOT NULL,
	"locale" "locale" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "reminder_emails" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "escalation_emails" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "digest_emails" boolean;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "comment_emails" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'Europe/Oslo' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminders_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminder_weekday" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminder_minute" smallint DEFAULT 780 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "digest_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "digest_weekday" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "digest_minute" smallint DEFAULT 480 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminders_ran_for" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "escalation_ran_for" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "digest_ran_for" date;--> statement-breakpoint
ALTER TABLE "account_outbox" ADD CONSTRAINT "account_outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_notifications" ADD CONSTRAINT "comment_notifications_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_outbox_dedupe_key" ON "account_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_org_dedupe_key" ON "outbox" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_org_status_created_idx" ON "outbox" USING btree ("org_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_key" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_up_requests_token_key" ON "sign_up_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_up_requests_email_idx" ON "sign_up_requests" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_reminder_weekday_check" CHECK ("organisations"."reminder_weekday" between 1 and 7);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_reminder_minute_check" CHECK ("organisations"."reminder_minute" between 0 and 1439);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_digest_weekday_check" CHECK ("organisations"."digest_weekday" between 1 and 7);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_digest_minute_check" CHECK ("organisations"."digest_minute" between 0 and 1439);--> statement-breakpoint
CREATE POLICY "organisation_read_by_scheduler" ON "organisations" AS PERMISSIVE FOR SELECT TO "retning_app" USING (current_setting('app.scope', true) = 'scheduler');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "comment_notifications" AS PERMISSIVE FOR ALL TO "retning_app" USING ("comment_notifications"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("comment_notifications"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox" AS PERMISSIVE FOR ALL TO "retning_app" USING ("outbox"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("outbox"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbox_read_by_scheduler" ON "outbox" AS PERMISSIVE FOR SELECT TO "retning_app" USING (current_setting('app.scope', true) = 'scheduler');--> statement-breakpoint
-- Drizzle cannot emit FORCE ROW LEVEL SECURITY: without it a table's owner skips the policies.
ALTER TABLE "outbox" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "comment_notifications" FORCE ROW LEVEL SECURITY;
