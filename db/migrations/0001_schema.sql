CREATE TYPE "public"."confidence" AS ENUM('on_track', 'at_risk', 'off_track');--> statement-breakpoint
CREATE TYPE "public"."cycle_status" AS ENUM('planning', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."key_result_direction" AS ENUM('increase', 'decrease', 'stay_above', 'stay_below', 'milestone');--> statement-breakpoint
CREATE TYPE "public"."key_result_unit" AS ENUM('number', 'percent', 'currency', 'custom');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'nb');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."objective_level" AS ENUM('company', 'team', 'individual');--> statement-breakpoint
CREATE TYPE "public"."rollup_mode" AS ENUM('key_results', 'children', 'both', 'manual');--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"fiscal_year_start_month" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_fiscal_month_check" CHECK ("organisations"."fiscal_year_start_month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "team_members" (
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_org_id_team_id_user_id_pk" PRIMARY KEY("org_id","team_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "team_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "teams" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_team_id" uuid,
	"lead_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "teams_not_own_parent" CHECK ("teams"."parent_team_id" is distinct from "teams"."id")
);
--> statement-breakpoint
ALTER TABLE "teams" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cycles" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" "cycle_status" DEFAULT 'planning' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "cycles_dates_check" CHECK ("cycles"."end_date" > "cycles"."start_date")
);
--> statement-breakpoint
ALTER TABLE "cycles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "check_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_result_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	"previous_value" numeric,
	"confidence" "confidence" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "key_results" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" "key_result_unit" DEFAULT 'number' NOT NULL,
	"currency_code" char(3),
	"unit_label" text,
	"direction" "key_result_direction" DEFAULT 'increase' NOT NULL,
	"start_value" numeric DEFAULT '0' NOT NULL,
	"target_value" numeric NOT NULL,
	"current_value" numeric DEFAULT '0' NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"weight" numeric DEFAULT '1' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"achievement" numeric(14, 6) DEFAULT '0' NOT NULL,
	"progress" numeric(14, 6) DEFAULT '0' NOT NULL,
	"last_check_in_at" timestamp with time zone,
	"last_confidence" "confidence",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_results_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "key_results_objective_key" UNIQUE("org_id","objective_id","id"),
	CONSTRAINT "key_results_weight_positive" CHECK ("key_results"."weight" > 0),
	CONSTRAINT "key_results_progress_range" CHECK ("key_results"."progress" between 0 and 1),
	CONSTRAINT "key_results_currency_check" CHECK (("key_results"."unit" = 'currency') = ("key_results"."currency_code" is not null)),
	CONSTRAINT "key_results_title_length" CHECK (char_length("key_results"."title") between 1 and 300)
);
--> statement-breakpoint
ALTER TABLE "key_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objective_progress_history" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"day" date NOT NULL,
	"progress" numeric(14, 6) NOT NULL,
	CONSTRAINT "objective_progress_history_org_id_objective_id_day_pk" PRIMARY KEY("org_id","objective_id","day")
);
--> statement-breakpoint
ALTER TABLE "objective_progress_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objectives" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"level" "objective_level" NOT NULL,
	"team_id" uuid,
	"owner_user_id" uuid NOT NULL,
	"parent_objective_id" uuid,
	"parent_key_result_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rollup_mode" "rollup_mode" DEFAULT 'key_results' NOT NULL,
	"manual_progress" numeric(14, 6),
	"manual_progress_reason" text,
	"progress" numeric(14, 6) DEFAULT '0' NOT NULL,
	"score" numeric(14, 6),
	"reflection" text,
	"archived_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "objectives_team_level_check" CHECK (("objectives"."level" = 'team') = ("objectives"."team_id" is not null)),
	CONSTRAINT "objectives_not_own_parent" CHECK ("objectives"."parent_objective_id" is distinct from "objectives"."id"),
	CONSTRAINT "objectives_key_result_needs_parent" CHECK ("objectives"."parent_key_result_id" is null or "objectives"."parent_objective_id" is not null),
	CONSTRAINT "objectives_progress_range" CHECK ("objectives"."progress" between 0 and 1),
	CONSTRAINT "objectives_manual_progress_range" CHECK ("objectives"."manual_progress" is null or "objectives"."manual_progress" between 0 and 1),
	CONSTRAINT "objectives_title_length" CHECK (char_length("objectives"."title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "objectives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "activity" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"objective_id" uuid,
	"key_result_id" uuid,
	"team_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "activity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "revoked_sessions" ADD CONSTRAINT "revoked_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_membership_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_parent_fk" FOREIGN KEY ("org_id","parent_team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_lead_fk" FOREIGN KEY ("org_id","lead_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_progress_history" ADD CONSTRAINT "objective_progress_history_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_parent_fk" FOREIGN KEY ("org_id","parent_objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_parent_key_result_fk" FOREIGN KEY ("org_id","parent_objective_id","parent_key_result_id") REFERENCES "public"."key_results"("org_id","objective_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_reset_at_idx" ON "rate_limits" USING btree ("reset_at");--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_email_idx" ON "invitations" USING btree ("org_id",lower("email"));--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "team_members_org_user_idx" ON "team_members" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_org_name_key" ON "teams" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "teams_org_parent_idx" ON "teams" USING btree ("org_id","parent_team_id");--> statement-breakpoint
CREATE INDEX "cycles_org_start_idx" ON "cycles" USING btree ("org_id","start_date");--> statement-breakpoint
CREATE INDEX "check_ins_org_key_result_created_idx" ON "check_ins" USING btree ("org_id","key_result_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "check_ins_org_created_idx" ON "check_ins" USING btree ("org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "check_ins_org_author_created_idx" ON "check_ins" USING btree ("org_id","author_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "key_results_org_objective_idx" ON "key_results" USING btree ("org_id","objective_id","position");--> statement-breakpoint
CREATE INDEX "key_results_org_owner_idx" ON "key_results" USING btree ("org_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_idx" ON "objectives" USING btree ("org_id","cycle_id");--> statement-breakpoint
CREATE INDEX "objectives_org_owner_idx" ON "objectives" USING btree ("org_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "objectives_org_team_idx" ON "objectives" USING btree ("org_id","team_id");--> statement-breakpoint
CREATE INDEX "objectives_org_parent_idx" ON "objectives" USING btree ("org_id","parent_objective_id");--> statement-breakpoint
CREATE INDEX "activity_org_created_idx" ON "activity" USING btree ("org_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_org_objective_created_idx" ON "activity" USING btree ("org_id","objective_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_org_team_created_idx" ON "activity" USING btree ("org_id","team_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_org_entity_idx" ON "activity" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "comments_org_objective_created_idx" ON "comments" USING btree ("org_id","objective_id","created_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO "retning_app" USING ("invitations"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("invitations"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "retning_app" USING ("memberships"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("memberships"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "membership_read_own" ON "memberships" AS PERMISSIVE FOR SELECT TO "retning_app" USING ("memberships"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organisation_write" ON "organisations" AS PERMISSIVE FOR ALL TO "retning_app" USING ("organisations"."id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("organisations"."id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organisation_read_as_member" ON "organisations" AS PERMISSIVE FOR SELECT TO "retning_app" USING ("organisations"."id" in (select m.org_id from memberships m where m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "team_members" AS PERMISSIVE FOR ALL TO "retning_app" USING ("team_members"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("team_members"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "team_member_read_own" ON "team_members" AS PERMISSIVE FOR SELECT TO "retning_app" USING ("team_members"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "teams" AS PERMISSIVE FOR ALL TO "retning_app" USING ("teams"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("teams"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "cycles" AS PERMISSIVE FOR ALL TO "retning_app" USING ("cycles"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("cycles"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "check_ins" AS PERMISSIVE FOR ALL TO "retning_app" USING ("check_ins"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("check_ins"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "key_results" AS PERMISSIVE FOR ALL TO "retning_app" USING ("key_results"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("key_results"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "objective_progress_history" AS PERMISSIVE FOR ALL TO "retning_app" USING ("objective_progress_history"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("objective_progress_history"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "objectives" AS PERMISSIVE FOR ALL TO "retning_app" USING ("objectives"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("objectives"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "activity" AS PERMISSIVE FOR ALL TO "retning_app" USING ("activity"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("activity"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "comments" AS PERMISSIVE FOR ALL TO "retning_app" USING ("comments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("comments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);