CREATE TABLE "analytics_activity" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"inbound" integer DEFAULT 0 NOT NULL,
	"outbound" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_activity_workspace_id_bucket_pk" PRIMARY KEY("workspace_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject" text NOT NULL,
	"period" text NOT NULL,
	"figures" jsonb NOT NULL,
	"suggestion" text,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics_billable" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"category" text NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_billable_workspace_id_bucket_category_pk" PRIMARY KEY("workspace_id","bucket","category")
);
--> statement-breakpoint
CREATE TABLE "analytics_billed_messages" (
	"channel_id" uuid NOT NULL,
	"wamid" text NOT NULL,
	CONSTRAINT "analytics_billed_messages_channel_id_wamid_pk" PRIMARY KEY("channel_id","wamid")
);
--> statement-breakpoint
CREATE TABLE "analytics_conversations" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"conversation_started_at" timestamp with time zone NOT NULL,
	"waiting_since" timestamp with time zone,
	"answered" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_funnel" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"first_contact_at" timestamp with time zone NOT NULL,
	"qualified_at" timestamp with time zone,
	"qualified_intent" text,
	"ordered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"message_id" bigint NOT NULL,
	"agent" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone NOT NULL,
	"seconds" integer NOT NULL,
	"first" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_sync" (
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_sync_workspace_id_connection_id_bucket_pk" PRIMARY KEY("workspace_id","connection_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics_weekly_reports" (
	"workspace_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_weekly_reports_workspace_id_week_start_pk" PRIMARY KEY("workspace_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "agent_id" text;--> statement-breakpoint
ALTER TABLE "analytics_activity" ADD CONSTRAINT "analytics_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_billable" ADD CONSTRAINT "analytics_billable_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_billed_messages" ADD CONSTRAINT "analytics_billed_messages_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD CONSTRAINT "analytics_conversations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD CONSTRAINT "analytics_conversations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_funnel" ADD CONSTRAINT "analytics_funnel_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_funnel" ADD CONSTRAINT "analytics_funnel_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_responses" ADD CONSTRAINT "analytics_responses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_responses" ADD CONSTRAINT "analytics_responses_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_sync" ADD CONSTRAINT "analytics_sync_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_weekly_reports" ADD CONSTRAINT "analytics_weekly_reports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_alerts_uq" ON "analytics_alerts" USING btree ("workspace_id","rule","subject","period");--> statement-breakpoint
CREATE INDEX "analytics_conversations_workspace_idx" ON "analytics_conversations" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "analytics_funnel_first_idx" ON "analytics_funnel" USING btree ("workspace_id","first_contact_at");--> statement-breakpoint
CREATE INDEX "analytics_responses_time_idx" ON "analytics_responses" USING btree ("workspace_id","responded_at");--> statement-breakpoint
-- ===== Hand-written (analytics rollups and alert events): keep when renumbering =====
-- Rollups are kept in the transaction that writes a message or a status, so a report never
-- scans history and never lags ingest. Definitions (backend/src/analytics/definitions.md mirrors
-- them; test/analytics/rollup-equality.test.ts checks them against raw SQL over messages):
--   * messages count in arrival order (id); reactions, edits and deletions (thread_visible
--     false) are not messages of their own;
--   * a 24-hour conversation begins with a contact's first message, and with any message written
--     more than 24 hours after the contact's latest one;
--   * funnel stages are the first message, the first inbound buying intent and the first inbound
--     order evidence (a cart order, or an order-status question), in arrival order;
--   * a customer waits from the earliest inbound message not yet answered; an outbound message
--     by a person (sender agent or business_app) answers, in whole seconds (never below 0);
--     automated and broadcast messages do not.
CREATE OR REPLACE FUNCTION scrm_analytics_bucket(p_at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$ SELECT to_timestamp(floor(extract(epoch FROM p_at) / 900) * 900) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_analytics_message_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st analytics_conversations%ROWTYPE;
  v_created boolean;
  v_new_conversation boolean;
  v_human boolean := NEW.direction = 'outbound' AND NEW.sender IN ('agent', 'business_app');
  v_qualifies boolean := NEW.direction = 'inbound'
    AND NEW.intent IN ('price_discount', 'product_inquiry', 'quote', 'purchase_intent');
  v_orders boolean := NEW.direction = 'inbound' AND (NEW.type = 'order' OR NEW.intent = 'order_status');
BEGIN
  INSERT INTO analytics_conversations (contact_id, workspace_id, last_message_at, conversation_started_at)
  VALUES (NEW.contact_id, NEW.workspace_id, NEW.sent_at, NEW.sent_at)
  ON CONFLICT (contact_id) DO NOTHING;
  v_created := FOUND;
  SELECT * INTO st FROM analytics_conversations WHERE contact_id = NEW.contact_id FOR UPDATE;
  v_new_conversation := v_created OR NEW.sent_at > st.last_message_at + interval '24 hours';
  IF v_new_conversation THEN
    st.conversation_started_at := NEW.sent_at;
    st.answered := false;
  END IF;
  st.last_message_at := greatest(st.last_message_at, NEW.sent_at);
  IF NEW.direction = 'inbound' THEN
    st.waiting_since := least(st.waiting_since, NEW.sent_at);
  ELSIF v_human AND st.waiting_since IS NOT NULL THEN
    INSERT INTO analytics_responses (workspace_id, contact_id, message_id, agent, asked_at, responded_at, seconds, first)
    VALUES (NEW.workspace_id, NEW.contact_id, NEW.id, coalesce(NEW.agent_id, NEW.sender), st.waiting_since,
      NEW.sent_at, greatest(0, floor(extract(epoch FROM NEW.sent_at - st.waiting_since)))::integer, NOT st.answered);
    st.waiting_since := NULL;
    st.answered := true;
  END IF;
  UPDATE analytics_conversations SET last_message_at = st.last_message_at,
    conversation_started_at = st.conversation_started_at, waiting_since = st.waiting_since, answered = st.answered
  WHERE contact_id = NEW.contact_id;

  INSERT INTO analytics_activity AS a (workspace_id, bucket, inbound, outbound, complaints, conversations)
  VALUES (NEW.workspace_id, scrm_analytics_bucket(NEW.sent_at),
    (NEW.direction = 'inbound')::int, (NEW.direction = 'outbound')::int,
    (NEW.direction = 'inbound' AND NEW.intent IS NOT DISTINCT FROM 'complaint')::int, v_new_conversation::int)
  ON CONFLICT (workspace_id, bucket) DO UPDATE SET
    inbound = a.inbound + excluded.inbound, outbound = a.outbound + excluded.outbound,
    complaints = a.complaints + excluded.complaints, conversations = a.conversations + excluded.conversations;

  -- Funnel: first contact, first buying intent, first order evidence (inbound only).
  INSERT INTO analytics_funnel AS f (contact_id, workspace_id, first_contact_at, qualified_at, qualified_intent, ordered_at)
  VALUES (NEW.contact_id, NEW.workspace_id, NEW.sent_at,
    CASE WHEN v_qualifies THEN NEW.sent_at END, CASE WHEN v_qualifies THEN NEW.intent END,
    CASE WHEN v_orders THEN NEW.sent_at END)
  ON CONFLICT (contact_id) DO UPDATE SET
    qualified_at = coalesce(f.qualified_at, excluded.qualified_at),
    qualified_intent = coalesce(f.qualified_intent, excluded.qualified_intent),
    ordered_at = coalesce(f.ordered_at, excluded.ordered_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_analytics_inserted AFTER INSERT ON messages
FOR EACH ROW WHEN (NEW.thread_visible) EXECUTE FUNCTION scrm_analytics_message_inserted();
--> statement-breakpoint
-- A corrected intent moves the message in or out of the complaint count of its quarter hour.
CREATE OR REPLACE FUNCTION scrm_analytics_intent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_activity
  SET complaints = complaints + (NEW.intent IS NOT DISTINCT FROM 'complaint')::int
    - (OLD.intent IS NOT DISTINCT FROM 'complaint')::int
  WHERE workspace_id = NEW.workspace_id AND bucket = scrm_analytics_bucket(NEW.sent_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_analytics_intent_changed AFTER UPDATE OF intent ON messages
FOR EACH ROW WHEN (NEW.direction = 'inbound' AND NEW.thread_visible AND OLD.thread_visible
  AND (OLD.intent = 'complaint') IS DISTINCT FROM (NEW.intent = 'complaint'))
EXECUTE FUNCTION scrm_analytics_intent_changed();
--> statement-breakpoint
-- Meta repeats `pricing` on each status of a message: the first billable one counts it.
CREATE OR REPLACE FUNCTION scrm_analytics_status_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_billed_messages (channel_id, wamid) VALUES (NEW.channel_id, NEW.wamid)
  ON CONFLICT DO NOTHING;
  IF FOUND THEN
    INSERT INTO analytics_billable AS b (workspace_id, bucket, category, messages)
    VALUES (NEW.workspace_id, scrm_analytics_bucket(NEW.occurred_at), coalesce(NEW.pricing ->> 'category', 'unknown'), 1)
    ON CONFLICT (workspace_id, bucket, category) DO UPDATE SET messages = b.messages + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER message_status_events_analytics AFTER INSERT ON message_status_events
FOR EACH ROW WHEN (NEW.pricing IS NOT NULL AND NEW.pricing ->> 'billable' = 'true')
EXECUTE FUNCTION scrm_analytics_status_inserted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_alert_raised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'alert.raised', jsonb_build_object(
    'alert_id', NEW.id, 'rule', NEW.rule, 'subject', NEW.subject, 'period', NEW.period,
    'figures', NEW.figures, 'suggestion', NEW.suggestion));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_alerts_event AFTER INSERT ON analytics_alerts
FOR EACH ROW EXECUTE FUNCTION scrm_event_alert_raised();
--> statement-breakpoint
-- The churn report counts at-risk contacts per workspace without reading the others.
CREATE INDEX contacts_churn_risk_idx ON contacts (workspace_id, churn_risk_at) WHERE churn_risk_at IS NOT NULL;
--> statement-breakpoint
-- CRM sync outcomes: a change leaving the outbox was settled (written, or nothing to write); a
-- change parked failed for good. Rows removed because their connection or workspace is being
-- deleted are not outcomes (the EXISTS sees the deletion), so nothing is written for them.
CREATE OR REPLACE FUNCTION scrm_analytics_sync_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_row crm_outbox%ROWTYPE;
  v_failed int;
BEGIN
  IF TG_OP = 'DELETE' THEN v_row := OLD; v_failed := 0; ELSE v_row := NEW; v_failed := 1; END IF;
  IF NOT EXISTS (SELECT 1 FROM crm_connections c WHERE c.id = v_row.connection_id) THEN RETURN NULL; END IF;
  INSERT INTO analytics_sync AS s (workspace_id, connection_id, bucket, succeeded, failed)
  VALUES (v_row.workspace_id, v_row.connection_id, scrm_analytics_bucket(clock_timestamp()), 1 - v_failed, v_failed)
  ON CONFLICT (workspace_id, connection_id, bucket) DO UPDATE
  SET succeeded = s.succeeded + excluded.succeeded, failed = s.failed + excluded.failed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER crm_outbox_analytics_settled AFTER DELETE ON crm_outbox
FOR EACH ROW WHEN (OLD.parked_at IS NULL) EXECUTE FUNCTION scrm_analytics_sync_outcome();
--> statement-breakpoint
CREATE TRIGGER crm_outbox_analytics_parked AFTER UPDATE OF parked_at ON crm_outbox
FOR EACH ROW WHEN (OLD.parked_at IS NULL AND NEW.parked_at IS NOT NULL) EXECUTE FUNCTION scrm_analytics_sync_outcome();
-- ===== end of hand-written SQL =====
