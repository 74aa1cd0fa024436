-- objectives.key_results_search holds the search documents of an objective's key results, so that a
-- search over "objectives and their key results" reads one row per objective of the cycle. A GIN
-- index would not help: under forced row-level security the app role cannot use one, because `@@`
-- is not leakproof (docs/query-plans.md). Statement-level triggers with transition tables keep it
-- current with one UPDATE per statement, however many key results the statement touched.
CREATE AGGREGATE "public"."retning_tsvector_agg"(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');--> statement-breakpoint
CREATE FUNCTION "public"."retning_key_results_search"(p_org_id uuid, p_objective_id uuid) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT setweight(coalesce("public"."retning_tsvector_agg"(kr.search ORDER BY kr.position, kr.id), ''::tsvector), 'C')
    FROM "public"."key_results" kr
    WHERE kr.org_id = p_org_id AND kr.objective_id = p_objective_id
  $$;--> statement-breakpoint
CREATE FUNCTION "public"."retning_refresh_key_results_search"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      UPDATE "public"."objectives" o SET key_results_search = "public"."retning_key_results_search"(o.org_id, o.id)
      WHERE (o.org_id, o.id) IN (SELECT n.org_id, n.objective_id FROM new_rows n);
    ELSIF TG_OP = 'DELETE' THEN
      -- An objective being deleted (the cascade that removes its key results) is already gone: no row.
      UPDATE "public"."objectives" o SET key_results_search = "public"."retning_key_results_search"(o.org_id, o.id)
      WHERE (o.org_id, o.id) IN (SELECT d.org_id, d.objective_id FROM old_rows d);
    ELSE
      -- Check-ins update key results all day; only a changed text (or a move) touches the objective.
      UPDATE "public"."objectives" o SET key_results_search = "public"."retning_key_results_search"(o.org_id, o.id)
      WHERE (o.org_id, o.id) IN (
        SELECT x.org_id, x.objective_id
        FROM new_rows n
        JOIN old_rows d ON d.org_id = n.org_id AND d.id = n.id
        CROSS JOIN LATERAL (VALUES (n.org_id, n.objective_id), (d.org_id, d.objective_id)) AS x(org_id, objective_id)
        WHERE (n.title, n.description, n.objective_id) IS DISTINCT FROM (d.title, d.description, d.objective_id)
      );
    END IF;
    RETURN NULL;
  END
  $$;--> statement-breakpoint
CREATE TRIGGER "key_results_search_inserted" AFTER INSERT ON "public"."key_results"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."retning_refresh_key_results_search"();--> statement-breakpoint
CREATE TRIGGER "key_results_search_updated" AFTER UPDATE ON "public"."key_results"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."retning_refresh_key_results_search"();--> statement-breakpoint
CREATE TRIGGER "key_results_search_deleted" AFTER DELETE ON "public"."key_results"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."retning_refresh_key_results_search"();--> statement-breakpoint
-- Key results written before this migration.
UPDATE "public"."objectives" o SET key_results_search = "public"."retning_key_results_search"(o.org_id, o.id)
WHERE EXISTS (SELECT 1 FROM "public"."key_results" kr WHERE kr.org_id = o.org_id AND kr.objective_id = o.id);
