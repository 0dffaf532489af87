CREATE TABLE "analytics_version" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compare_aggregates" (
	"period_id" integer NOT NULL,
	"group_type" varchar(16) NOT NULL,
	"group_key" text NOT NULL,
	"indicator_id" integer NOT NULL,
	"n" integer NOT NULL,
	"a" integer NOT NULL,
	"b" integer NOT NULL,
	"c" integer NOT NULL,
	"d" integer NOT NULL,
	"e" integer NOT NULL,
	"median" double precision,
	"q1" double precision,
	"q3" double precision,
	CONSTRAINT "compare_aggregates_period_id_group_type_group_key_indicator_id_pk" PRIMARY KEY("period_id","group_type","group_key","indicator_id")
);
--> statement-breakpoint
INSERT INTO "analytics_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Recomputes compare_aggregates for the given (indicator, period) pairs from indicator_values, for
-- every built-in group. Callers hold the analytics_version row lock (taken by nap_analytics_bump
-- before the statement), so concurrent writers refresh one after the other, each statement of this
-- function seeing what the previous one committed.
CREATE FUNCTION nap_compare_refresh(p_indicators integer[], p_periods integer[]) RETURNS void
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
  JOIN indicator_values v ON v.indicator_id = x.indicator_id AND v.period_id = x.period_id AND v.level IS NOT NULL
  JOIN countries c ON c.iso3 = v.country_iso3
  CROSS JOIN LATERAL (VALUES ('all'::text, 'all'::text), ('who_region', c.who_region::text),
                             ('income_group', c.income_group::text), ('un_region', c.un_region)) AS g(group_type, group_key)
  WHERE g.group_key IS NOT NULL
  GROUP BY v.period_id, g.group_type, g.group_key, v.indicator_id;
END $$;
--> statement-breakpoint
-- Before any statement that changes what a comparison shows: bump the version, which also takes its
-- row lock until commit (writers to these tables queue here, before they lock any rows of their own).
CREATE FUNCTION nap_analytics_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION nap_values_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
    FROM (SELECT DISTINCT indicator_id, period_id FROM new_rows WHERE level IS NOT NULL) s HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION nap_values_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
    FROM (SELECT DISTINCT indicator_id, period_id FROM old_rows WHERE level IS NOT NULL) s HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION nap_values_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
    FROM (SELECT indicator_id, period_id FROM old_rows WHERE level IS NOT NULL
          UNION SELECT indicator_id, period_id FROM new_rows WHERE level IS NOT NULL) s HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A country moving region or income group changes group membership: recompute everything.
CREATE FUNCTION nap_countries_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
    FROM (SELECT DISTINCT indicator_id, period_id FROM indicator_values WHERE level IS NOT NULL) s HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION nap_values_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM compare_aggregates;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_values_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_values
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER indicator_values_aggregates_ins AFTER INSERT ON indicator_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_values_inserted();
--> statement-breakpoint
CREATE TRIGGER indicator_values_aggregates_upd AFTER UPDATE ON indicator_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_values_updated();
--> statement-breakpoint
CREATE TRIGGER indicator_values_aggregates_del AFTER DELETE ON indicator_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION nap_values_deleted();
--> statement-breakpoint
CREATE TRIGGER indicator_values_aggregates_trunc AFTER TRUNCATE ON indicator_values
  FOR EACH STATEMENT EXECUTE FUNCTION nap_values_truncated();
--> statement-breakpoint
CREATE TRIGGER countries_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER countries_aggregates_upd AFTER UPDATE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION nap_countries_updated();
--> statement-breakpoint
CREATE TRIGGER frameworks_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER indicators_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER periods_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON periods
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER peer_groups_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_groups
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER peer_group_members_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_group_members
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
SELECT nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
  FROM (SELECT DISTINCT indicator_id, period_id FROM indicator_values WHERE level IS NOT NULL) s HAVING count(*) > 0;
