ALTER TABLE "analytics_sync" ADD COLUMN "latencies_ms" "bytea" DEFAULT ''::bytea NOT NULL;--> statement-breakpoint
-- ===== Hand-written (sync latency): keep when renumbering =====
-- A change written also packs how long it waited: from the first change the sync had not yet
-- written (first_changed_at, kept across coalesced updates) to the write, in milliseconds.
CREATE OR REPLACE FUNCTION scrm_analytics_sync_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_row crm_outbox%ROWTYPE;
  v_failed int;
  v_latency bytea := ''::bytea;
BEGIN
  IF TG_OP = 'DELETE' THEN v_row := OLD; v_failed := 0; ELSE v_row := NEW; v_failed := 1; END IF;
  IF NOT EXISTS (SELECT 1 FROM crm_connections c WHERE c.id = v_row.connection_id) THEN RETURN NULL; END IF;
  IF v_failed = 0 THEN
    v_latency := int4send(least(2147483647, greatest(0,
      floor(extract(epoch FROM clock_timestamp() - v_row.first_changed_at) * 1000)))::int);
  END IF;
  INSERT INTO analytics_sync AS s (workspace_id, connection_id, bucket, succeeded, failed, latencies_ms)
  VALUES (v_row.workspace_id, v_row.connection_id, scrm_analytics_bucket(clock_timestamp()), 1 - v_failed, v_failed, v_latency)
  ON CONFLICT (workspace_id, connection_id, bucket) DO UPDATE
  SET succeeded = s.succeeded + excluded.succeeded, failed = s.failed + excluded.failed,
    latencies_ms = s.latencies_ms || excluded.latencies_ms;
  RETURN NULL;
END $$;
