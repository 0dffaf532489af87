-- The peer statistics' refresh (0011) classifies each answering country once per period, not once per
-- answer: `classes` is materialised. Inlined, the planner evaluated nap_round_class for every answer
-- and every group row (7,793 answers × 6 groups for the 2025 round) and, with table statistics,
-- looked each one up by a sequential scan: the refresh after a round's import took 1.27 s on PGlite,
-- 0.39 s materialised (EXPLAIN ANALYZE of its SELECT on the shipped data). Same rows either way.
CREATE OR REPLACE FUNCTION nap_compare_refresh(p_indicators integer[], p_periods integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM compare_aggregates a
    USING unnest(p_indicators, p_periods) AS x(indicator_id, period_id)
    WHERE a.indicator_id = x.indicator_id AND a.period_id = x.period_id;
  WITH pairs AS (
    SELECT DISTINCT u.indicator_id, u.period_id FROM unnest(p_indicators, p_periods) AS u(indicator_id, period_id)
  ), answers AS (
    SELECT v.period_id, v.indicator_id, v.country_iso3, v.level, p.framework_code, p.end_date
    FROM pairs x
    JOIN periods p ON p.id = x.period_id
    JOIN frameworks f ON f.code = p.framework_code AND f.kind <> 'national'
    JOIN indicator_values v ON v.indicator_id = x.indicator_id AND v.period_id = x.period_id AND v.level IS NOT NULL
  ), classes AS MATERIALIZED (
    SELECT k.country_iso3, k.period_id,
           nap_round_class(k.country_iso3, 'who_region', k.framework_code, k.end_date) AS who_round,
           nap_round_class(k.country_iso3, 'income_group', k.framework_code, k.end_date) AS income_round
    FROM (SELECT DISTINCT country_iso3, period_id, framework_code, end_date FROM answers) k
  )
  INSERT INTO compare_aggregates (period_id, group_type, group_key, indicator_id, n, a, b, c, d, e, median, q1, q3)
  SELECT a.period_id, g.group_type, g.group_key, a.indicator_id, count(*)::int,
         (count(*) FILTER (WHERE a.level = 'A'))::int, (count(*) FILTER (WHERE a.level = 'B'))::int,
         (count(*) FILTER (WHERE a.level = 'C'))::int, (count(*) FILTER (WHERE a.level = 'D'))::int,
         (count(*) FILTER (WHERE a.level = 'E'))::int,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ascii(a.level) - 64),
         percentile_cont(0.25) WITHIN GROUP (ORDER BY ascii(a.level) - 64),
         percentile_cont(0.75) WITHIN GROUP (ORDER BY ascii(a.level) - 64)
  FROM answers a
  JOIN countries c ON c.iso3 = a.country_iso3
  JOIN classes k ON k.country_iso3 = a.country_iso3 AND k.period_id = a.period_id
  CROSS JOIN LATERAL (VALUES ('all'::text, 'all'::text), ('who_region', k.who_round),
                             ('income_group', k.income_round), ('who_region:now', c.who_region::text),
                             ('income_group:now', c.income_group::text), ('un_region', c.un_region))
    AS g(group_type, group_key)
  WHERE g.group_key IS NOT NULL
  GROUP BY a.period_id, g.group_type, g.group_key, a.indicator_id;
END $$;
