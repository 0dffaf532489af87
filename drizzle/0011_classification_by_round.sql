CREATE TABLE "country_classifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"iso3" char(3) NOT NULL,
	"attribute" varchar(16) NOT NULL,
	"value" varchar(8),
	"valid_from" date,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	CONSTRAINT "country_classifications_attribute_ck" CHECK ("country_classifications"."attribute" in ('who_region','income_group','who_member')),
	CONSTRAINT "country_classifications_dates_ck" CHECK ("country_classifications"."valid_to" is null or "country_classifications"."valid_from" is null or "country_classifications"."valid_to" > "country_classifications"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "round_classifications" (
	"framework_code" varchar(64) NOT NULL,
	"iso3" char(3) NOT NULL,
	"who_region" varchar(4),
	"income_group" varchar(3),
	CONSTRAINT "round_classifications_framework_code_iso3_pk" PRIMARY KEY("framework_code","iso3")
);
--> statement-breakpoint
ALTER TABLE "country_classifications" ADD CONSTRAINT "country_classifications_iso3_countries_iso3_fk" FOREIGN KEY ("iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_classifications" ADD CONSTRAINT "round_classifications_framework_code_frameworks_code_fk" FOREIGN KEY ("framework_code") REFERENCES "public"."frameworks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_classifications" ADD CONSTRAINT "round_classifications_iso3_countries_iso3_fk" FOREIGN KEY ("iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "country_classifications_uq" ON "country_classifications" USING btree ("iso3","attribute",coalesce("valid_from", '0001-01-01'::date));--> statement-breakpoint
-- A country's WHO region or income group for a round: the round's own file (the countries that
-- answered it), else the reference in force at the round's end (country_classifications), else today's.
CREATE FUNCTION nap_round_class(p_iso3 char(3), p_attribute text, p_framework text, p_as_of date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT CASE p_attribute WHEN 'who_region' THEN r.who_region ELSE r.income_group END
       FROM round_classifications r WHERE r.framework_code = p_framework AND r.iso3 = p_iso3),
    (SELECT h.value FROM country_classifications h
       WHERE h.iso3 = p_iso3 AND h.attribute = p_attribute
         AND (h.valid_from IS NULL OR h.valid_from <= p_as_of) AND (h.valid_to IS NULL OR h.valid_to > p_as_of)
       ORDER BY h.valid_from DESC NULLS LAST LIMIT 1),
    (SELECT CASE p_attribute WHEN 'who_region' THEN c.who_region::text ELSE c.income_group::text END
       FROM countries c WHERE c.iso3 = p_iso3))
$$;
--> statement-breakpoint
-- Peer statistics by both classifications: who_region and income_group as the round classifies its
-- countries (the default of every comparison), who_region:now and income_group:now by today's
-- reference. Published data only, as before.
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
  ), classes AS (
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
--> statement-breakpoint
CREATE TRIGGER round_classifications_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON round_classifications
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER round_classifications_aggregates AFTER INSERT OR UPDATE OR DELETE ON round_classifications
  FOR EACH STATEMENT EXECUTE FUNCTION nap_countries_updated();
--> statement-breakpoint
CREATE TRIGGER country_classifications_analytics_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON country_classifications
  FOR EACH STATEMENT EXECUTE FUNCTION nap_analytics_bump();
--> statement-breakpoint
CREATE TRIGGER country_classifications_aggregates AFTER INSERT OR UPDATE OR DELETE ON country_classifications
  FOR EACH STATEMENT EXECUTE FUNCTION nap_countries_updated();
--> statement-breakpoint
SELECT nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
  FROM (SELECT DISTINCT indicator_id, period_id FROM indicator_values WHERE level IS NOT NULL) s HAVING count(*) > 0;
