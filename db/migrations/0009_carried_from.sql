ALTER TABLE "objectives" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_key" UNIQUE("org_id","carried_from_id");--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_not_carried_from_self" CHECK ("objectives"."carried_from_id" is distinct from "objectives"."id");--> statement-breakpoint
-- The objective this one was carried from, in the same organisation; deleting it clears the link
-- and only the link (SET NULL of the one column: the org_id stays). Drizzle cannot emit a column list here.
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_fk" FOREIGN KEY ("org_id","carried_from_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE SET NULL ("carried_from_id");
