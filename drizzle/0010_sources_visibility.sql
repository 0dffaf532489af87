ALTER TABLE "indicators" ADD COLUMN "follows_indicator_id" integer;--> statement-breakpoint
ALTER TABLE "plan_periods" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_follows_indicator_id_indicators_id_fk" FOREIGN KEY ("follows_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_follows_ix" ON "indicators" USING btree ("follows_indicator_id");--> statement-breakpoint
-- Where each value comes from and where it stands: published (a published framework's value, e.g. a
-- TrACSS round), else the workflow state of the reporting periods of the country's plans that track
-- the value's (national) indicator with the value's period code; draft when none holds it. Every read
-- path decides visibility from this one definition (server/modules/visibility).
CREATE VIEW "value_provenance" AS
SELECT v.id AS value_id,
  (CASE WHEN f.kind <> 'national' THEN 'published'
        WHEN w.approved THEN 'approved'
        WHEN w.submitted THEN 'submitted'
        WHEN w.returned THEN 'returned'
        ELSE 'draft' END)::varchar(16) AS workflow,
  coalesce(w.demo, false) AS demo
FROM indicator_values v
JOIN periods p ON p.id = v.period_id
JOIN frameworks f ON f.code = p.framework_code
LEFT JOIN LATERAL (
  SELECT bool_or(s.state = 'approved') AS approved, bool_or(s.state = 'submitted') AS submitted,
         bool_or(s.state = 'returned') AS returned, bool_or(pp.demo) AS demo
  FROM plan_periods pp
  JOIN plans pl ON pl.id = pp.plan_id
  JOIN plan_indicators pi ON pi.plan_id = pl.id
  JOIN submissions s ON s.plan_period_id = pp.id AND s.country_iso3 = pl.country_iso3
  WHERE f.kind = 'national' AND pp.code = p.code AND pl.country_iso3 = v.country_iso3
    AND pi.indicator_id = v.indicator_id
) w ON true;
--> statement-breakpoint
-- Sources kept apart. Until now a plan indicator could be another framework's question (a TrACSS
-- question), and national reporting wrote into that framework's rows: a focal point's entry replaced
-- the round's published answer. From now on such a plan indicator is a national indicator of the
-- country that follows the question. Existing data is moved without losing anything: what users
-- entered goes to the country's national series (the row keeps its id, comments, evidence and
-- history), and where it had replaced an imported answer, that answer is put back from the audit log.
DO $$
DECLARE
  r record;
  v record;
  nat_fw text;
  nat_id integer;
  root integer;
  pp record;
  nat_period integer;
  first_audit record;
BEGIN
  FOR r IN
    SELECT pi.id AS plan_indicator_id, pl.id AS plan_id, pl.country_iso3, i.id AS indicator_id,
           coalesce(i.follows_indicator_id, i.id) AS root_id
    FROM plan_indicators pi
    JOIN plans pl ON pl.id = pi.plan_id
    JOIN indicators i ON i.id = pi.indicator_id
    WHERE i.framework_code <> 'national-' || lower(pl.country_iso3)
    ORDER BY pi.id
  LOOP
    nat_fw := 'national-' || lower(r.country_iso3);
    root := r.root_id;
    INSERT INTO frameworks (code, name, kind, description)
      VALUES (nat_fw, 'National indicators (' || r.country_iso3 || ')', 'national',
              'Indicators ' || r.country_iso3 || ' defined for its national action plan')
      ON CONFLICT DO NOTHING;
    SELECT id INTO nat_id FROM indicators WHERE framework_code = nat_fw AND follows_indicator_id = root;
    IF nat_id IS NULL THEN
      INSERT INTO indicators (framework_code, code, question_code, sort_order, name, sub_item, definition,
                              section, measure_type, unit, numerator_label, denominator_label, direction,
                              levels, gap_objective, sectors, result_level, data_source, frequency,
                              follows_indicator_id)
      SELECT nat_fw, left(src.framework_code || ':' || src.code, 32), src.question_code,
             (SELECT coalesce(max(sort_order), 0) + 1 FROM indicators WHERE framework_code = nat_fw),
             src.name, src.sub_item, src.definition, src.section, src.measure_type, src.unit,
             src.numerator_label, src.denominator_label, src.direction, src.levels, src.gap_objective,
             src.sectors, src.result_level, src.data_source, src.frequency, src.id
      FROM indicators src WHERE src.id = root
      RETURNING id INTO nat_id;
    END IF;
    -- The values this country's users entered for the tracked question, wherever they were stored.
    FOR v IN
      SELECT iv.id, iv.period_id, p.code AS period_code, p.label, p.start_date, p.end_date,
             f.kind AS framework_kind
      FROM indicator_values iv
      JOIN periods p ON p.id = iv.period_id
      JOIN frameworks f ON f.code = p.framework_code
      WHERE iv.country_iso3 = r.country_iso3 AND iv.indicator_id = r.indicator_id
        AND (f.kind = 'national' OR EXISTS (
          SELECT 1 FROM audit_log a WHERE a.entity_type = 'value' AND a.entity_id = iv.id::text))
    LOOP
      -- The reporting period it was entered for: same code, else the latest one ending in its dates.
      SELECT x.code, x.start_date, x.end_date INTO pp
      FROM plan_periods x
      JOIN plans pl ON pl.id = x.plan_id AND pl.country_iso3 = r.country_iso3
      JOIN plan_indicators pi ON pi.plan_id = pl.id AND pi.indicator_id = r.indicator_id
      WHERE x.code = v.period_code OR x.end_date BETWEEN v.start_date AND v.end_date
      ORDER BY (x.code = v.period_code) DESC, x.end_date DESC
      LIMIT 1;
      IF NOT FOUND THEN
        pp := NULL;
        SELECT v.period_code AS code, v.start_date, v.end_date INTO pp;
      END IF;
      INSERT INTO periods (framework_code, code, label, start_date, end_date)
        VALUES (nat_fw, pp.code, pp.code, pp.start_date, pp.end_date)
        ON CONFLICT DO NOTHING;
      SELECT id INTO nat_period FROM periods WHERE framework_code = nat_fw AND code = pp.code;
      IF EXISTS (SELECT 1 FROM indicator_values WHERE country_iso3 = r.country_iso3
                 AND indicator_id = nat_id AND period_id = nat_period) THEN
        RAISE WARNING 'value %: % already has a national value of indicator % in %; left where it is',
          v.id, r.country_iso3, nat_id, pp.code;
        CONTINUE;
      END IF;
      UPDATE indicator_values SET indicator_id = nat_id, period_id = nat_period WHERE id = v.id;
      IF v.framework_kind <> 'national' THEN
        SELECT a.action, a.old INTO first_audit FROM audit_log a
        WHERE a.entity_type = 'value' AND a.entity_id = v.id::text ORDER BY a.id LIMIT 1;
        IF first_audit.action = 'update' AND first_audit.old IS NOT NULL THEN
          INSERT INTO indicator_values (country_iso3, indicator_id, period_id, status, level, numeric_value,
                                        numerator, denominator, text_value, status_reason, version, updated_by)
          VALUES (r.country_iso3, r.indicator_id, v.period_id,
                  coalesce(first_audit.old->>'status', 'reported'), first_audit.old->>'level',
                  (first_audit.old->>'numericValue')::double precision,
                  (first_audit.old->>'numerator')::double precision,
                  (first_audit.old->>'denominator')::double precision,
                  first_audit.old->>'textValue', first_audit.old->>'statusReason', 1, NULL);
        END IF;
      END IF;
    END LOOP;
    UPDATE plan_indicators SET indicator_id = nat_id WHERE id = r.plan_indicator_id;
  END LOOP;
END $$;
--> statement-breakpoint
-- Published data is read-only: only an import, which marks its transaction with
-- set_config('nap.published_write', 'on', true), may write a published framework's values. A last line
-- behind the services' own checks, so no code path (grid, upload, API token, a future one) can.
CREATE FUNCTION nap_published_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('nap.published_write', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM new_rows n JOIN periods p ON p.id = n.period_id
      JOIN frameworks f ON f.code = p.framework_code WHERE f.kind <> 'national' LIMIT 1;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM old_rows o JOIN periods p ON p.id = o.period_id
      JOIN frameworks f ON f.code = p.framework_code WHERE f.kind <> 'national' LIMIT 1;
  ELSE
    PERFORM 1 FROM (SELECT period_id FROM new_rows UNION ALL SELECT period_id FROM old_rows) x
      JOIN periods p ON p.id = x.period_id
      JOIN frameworks f ON f.code = p.framework_code WHERE f.kind <> 'national' LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'published data is read-only: only an administrator''s re-import changes it'
      USING ERRCODE = 'NP001';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_values_published_ins AFTER INSERT ON indicator_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_published_guard();
--> statement-breakpoint
CREATE TRIGGER indicator_values_published_upd AFTER UPDATE ON indicator_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_published_guard();
--> statement-breakpoint
CREATE TRIGGER indicator_values_published_del AFTER DELETE ON indicator_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_published_guard();
--> statement-breakpoint
-- The precomputed peer statistics are of published data only: national values (drafts included)
-- never enter them.
CREATE OR REPLACE FUNCTION nap_compare_refresh(p_indicators integer[], p_periods integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM compare_aggregates a
    USING unnest(p_indicators, p_periods) AS x(indicator_id, period_id)
    WHERE a.indicator_id = x.indicator_id AND a.period_id = x.period_id;
  INSERT INTO compare_aggregates (period_id, group_type, group_key, indicator_id, n, a, b, c, d, e, median, q1, q3)
  SELECT v.period_id, g.group_type, g.group_key, v.indicator_id, count(*)::int,
         (count(*) FILTER (WHERE v.level = 'A'))::int, (count(*) FILTER (WHERE v.level = 'B'))::int,
         (count(*) FILTER (WHERE v.level = 'C'))::int, (count(*) FILTER (WHERE v.level = 'D'))::int,
         (count(*) FILTER (WHERE v.level = 'E'))::int,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ascii(v.level) - 64),
         percentile_cont(0.25) WITHIN GROUP (ORDER BY ascii(v.level) - 64),
         percentile_cont(0.75) WITHIN GROUP (ORDER BY ascii(v.level) - 64)
  FROM (SELECT DISTINCT u.indicator_id, u.period_id FROM unnest(p_indicators, p_periods) AS u(indicator_id, period_id)) x
  JOIN periods p ON p.id = x.period_id
  JOIN frameworks f ON f.code = p.framework_code AND f.kind <> 'national'
  JOIN indicator_values v ON v.indicator_id = x.indicator_id AND v.period_id = x.period_id AND v.level IS NOT NULL
  JOIN countries c ON c.iso3 = v.country_iso3
  CROSS JOIN LATERAL (VALUES ('all'::text, 'all'::text), ('who_region', c.who_region::text),
                             ('income_group', c.income_group::text), ('un_region', c.un_region)) AS g(group_type, group_key)
  WHERE g.group_key IS NOT NULL
  GROUP BY v.period_id, g.group_type, g.group_key, v.indicator_id;
END $$;
--> statement-breakpoint
DELETE FROM compare_aggregates a USING periods p, frameworks f
  WHERE p.id = a.period_id AND f.code = p.framework_code AND f.kind = 'national';
--> statement-breakpoint
-- What the public may see of national data changes with the workflow and the plans, not only with the
-- values: bump the version that cached comparisons are checked against on those writes too.
CREATE TRIGGER submissions_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER plans_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER plan_indicators_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_indicators
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER plan_periods_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_periods
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
