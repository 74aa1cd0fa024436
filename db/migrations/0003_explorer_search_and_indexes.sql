ALTER TABLE "key_results" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "key_results"."title"), 'A') || setweight(to_tsvector('simple'::regconfig, "key_results"."description"), 'B')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "objectives"."title"), 'A') || setweight(to_tsvector('simple'::regconfig, "objectives"."description"), 'B')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "key_results_search" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_owner_idx" ON "objectives" USING btree ("org_id","cycle_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_team_idx" ON "objectives" USING btree ("org_id","cycle_id","team_id");--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_title_idx" ON "objectives" USING btree ("org_id","cycle_id","title","id");--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_updated_idx" ON "objectives" USING btree ("org_id","cycle_id","updated_at","id");