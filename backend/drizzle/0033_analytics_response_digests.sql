CREATE TABLE "analytics_response_digests" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"agent" text NOT NULL,
	"first" boolean NOT NULL,
	"seconds" "bytea" NOT NULL,
	"business_seconds" "bytea" NOT NULL,
	CONSTRAINT "analytics_response_digests_workspace_id_hour_agent_first_pk" PRIMARY KEY("workspace_id","hour","agent","first")
);
--> statement-breakpoint
ALTER TABLE "analytics_response_digests" ADD CONSTRAINT "analytics_response_digests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- ===== Hand-written (response digests): keep when renumbering =====
-- Statement triggers with transition tables: a bulk insert packs its rows per cell in one
-- upsert, and the rare update or delete (merges, erasure, a contact removed) rebuilds the cells it
-- touched from analytics_responses, so a digest always holds exactly that table's values.
CREATE OR REPLACE FUNCTION scrm_response_digest_cell(p_at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('hour', p_at, 'UTC') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_response_digests_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_response_digests AS d (workspace_id, hour, agent, first, seconds, business_seconds)
  SELECT workspace_id, scrm_response_digest_cell(responded_at), agent, first,
    string_agg(int4send(seconds), ''::bytea),
    coalesce(string_agg(int4send(business_seconds), ''::bytea), ''::bytea)
  FROM added GROUP BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, hour, agent, first) DO UPDATE SET
    seconds = d.seconds || excluded.seconds,
    business_seconds = d.business_seconds || excluded.business_seconds;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_response_digests_refill(p_cells jsonb) RETURNS void LANGUAGE sql AS $$
  DELETE FROM analytics_response_digests d
  USING jsonb_to_recordset(p_cells) AS c(workspace_id uuid, hour timestamptz, agent text, first boolean)
  WHERE d.workspace_id = c.workspace_id AND d.hour = c.hour AND d.agent = c.agent AND d.first = c.first;
  INSERT INTO analytics_response_digests (workspace_id, hour, agent, first, seconds, business_seconds)
  SELECT r.workspace_id, c.hour, r.agent, r.first,
    string_agg(int4send(r.seconds), ''::bytea),
    coalesce(string_agg(int4send(r.business_seconds), ''::bytea), ''::bytea)
  FROM jsonb_to_recordset(p_cells) AS c(workspace_id uuid, hour timestamptz, agent text, first boolean)
  JOIN analytics_responses r ON r.workspace_id = c.workspace_id AND r.agent = c.agent AND r.first = c.first
    AND r.responded_at >= c.hour AND r.responded_at < c.hour + interval '1 hour'
  GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_response_digests_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_cells jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(DISTINCT jsonb_build_object('workspace_id', workspace_id,
      'hour', scrm_response_digest_cell(responded_at), 'agent', agent, 'first', first))
    INTO v_cells FROM removed;
  ELSE
    SELECT jsonb_agg(DISTINCT c) INTO v_cells FROM (
      SELECT jsonb_build_object('workspace_id', workspace_id,
        'hour', scrm_response_digest_cell(responded_at), 'agent', agent, 'first', first) AS c FROM removed
      UNION ALL
      SELECT jsonb_build_object('workspace_id', workspace_id,
        'hour', scrm_response_digest_cell(responded_at), 'agent', agent, 'first', first) FROM added) x;
  END IF;
  IF v_cells IS NOT NULL THEN
    PERFORM scrm_response_digests_refill(v_cells);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_response_digests_added AFTER INSERT ON analytics_responses
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION scrm_response_digests_added();
--> statement-breakpoint
CREATE TRIGGER analytics_response_digests_changed AFTER UPDATE ON analytics_responses
REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION scrm_response_digests_rebuild();
--> statement-breakpoint
CREATE TRIGGER analytics_response_digests_removed AFTER DELETE ON analytics_responses
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION scrm_response_digests_rebuild();
--> statement-breakpoint
-- The answers recorded before the digests existed.
INSERT INTO analytics_response_digests (workspace_id, hour, agent, first, seconds, business_seconds)
SELECT workspace_id, scrm_response_digest_cell(responded_at), agent, first,
  string_agg(int4send(seconds), ''::bytea),
  coalesce(string_agg(int4send(business_seconds), ''::bytea), ''::bytea)
FROM analytics_responses GROUP BY 1, 2, 3, 4;
