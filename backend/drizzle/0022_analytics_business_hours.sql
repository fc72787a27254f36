ALTER TABLE "analytics_responses" ADD COLUMN "business_seconds" integer;--> statement-breakpoint
-- ===== Hand-written (business-hours response times): keep when renumbering =====
-- Seconds of [p_from, p_to) inside the weekly business hours `p_hours` ({"mon": [{"open": "09:00",
-- "close": "18:00"}], ...}, local wall-clock times in zone p_tz). Each local day is walked and
-- each of its intervals turned into instants with AT TIME ZONE, so daylight-saving days count
-- the hours the clock actually showed. NULL without hours; never raises (a bad zone or time reads
-- as NULL), because it runs inside the ingest transaction.
CREATE OR REPLACE FUNCTION scrm_business_seconds(p_from timestamptz, p_to timestamptz, p_hours jsonb, p_tz text)
RETURNS integer LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_day date;
  v_last date;
  v_total double precision := 0;
  v_interval jsonb;
  v_open timestamptz;
  v_close timestamptz;
BEGIN
  IF p_hours IS NULL OR jsonb_typeof(p_hours) <> 'object' THEN
    RETURN NULL;
  END IF;
  IF p_to <= p_from THEN
    RETURN 0;
  END IF;
  BEGIN
    v_day := (p_from AT TIME ZONE p_tz)::date;
    v_last := (p_to AT TIME ZONE p_tz)::date;
    WHILE v_day <= v_last LOOP
      FOR v_interval IN
        SELECT value FROM jsonb_array_elements(coalesce(
          p_hours -> ((ARRAY['mon','tue','wed','thu','fri','sat','sun'])[extract(isodow FROM v_day)::int]),
          '[]'::jsonb))
      LOOP
        v_open := (v_day + (v_interval ->> 'open')::time) AT TIME ZONE p_tz;
        v_close := (CASE WHEN v_interval ->> 'close' = '24:00' THEN (v_day + 1)::timestamp
          ELSE v_day + (v_interval ->> 'close')::time END) AT TIME ZONE p_tz;
        v_total := v_total + greatest(0, extract(epoch FROM least(v_close, p_to) - greatest(v_open, p_from)));
      END LOOP;
      v_day := v_day + 1;
    END LOOP;
  EXCEPTION WHEN data_exception THEN
    RETURN NULL;
  END;
  RETURN floor(v_total)::integer;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_analytics_business_seconds() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_settings jsonb;
BEGIN
  IF NEW.business_seconds IS NULL THEN
    SELECT settings INTO v_settings FROM workspaces WHERE id = NEW.workspace_id;
    NEW.business_seconds := scrm_business_seconds(NEW.asked_at, NEW.responded_at,
      v_settings -> 'analytics' -> 'business_hours', coalesce(v_settings -> 'locale' ->> 'time_zone', 'UTC'));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_responses_business_seconds BEFORE INSERT ON analytics_responses
FOR EACH ROW EXECUTE FUNCTION scrm_analytics_business_seconds();
