-- The peer statistics (compare_aggregates, 0008) hold published answers only: nap_compare_refresh counts
-- the answers of frameworks whose kind is not 'national'. The value triggers called it all the same for a
-- national value, where it deleted nothing and inserted nothing, in 0.78 ms of the 0.98 ms one UPDATE of a
-- national value took (EXPLAIN ANALYZE, 8 December 2026): every save from the grid paid it. The triggers
-- now pass it the (indicator, period) pairs of published frameworks only, and do not call it without one.
CREATE OR REPLACE FUNCTION nap_values_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(s.indicator_id), array_agg(s.period_id))
    FROM (SELECT DISTINCT indicator_id, period_id FROM new_rows WHERE level IS NOT NULL) s
    JOIN periods p ON p.id = s.period_id
    JOIN frameworks f ON f.code = p.framework_code AND f.kind <> 'national'
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION nap_values_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(s.indicator_id), array_agg(s.period_id))
    FROM (SELECT DISTINCT indicator_id, period_id FROM old_rows WHERE level IS NOT NULL) s
    JOIN periods p ON p.id = s.period_id
    JOIN frameworks f ON f.code = p.framework_code AND f.kind <> 'national'
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION nap_values_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(s.indicator_id), array_agg(s.period_id))
    FROM (SELECT indicator_id, period_id FROM old_rows WHERE level IS NOT NULL
          UNION SELECT indicator_id, period_id FROM new_rows WHERE level IS NOT NULL) s
    JOIN periods p ON p.id = s.period_id
    JOIN frameworks f ON f.code = p.framework_code AND f.kind <> 'national'
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
