CREATE TABLE "event_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"expires_at" timestamp with time zone DEFAULT now() + interval '24 hours' NOT NULL,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"description" text,
	"secret_enc" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_subscription_id_event_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."event_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_subscriptions" ADD CONSTRAINT "event_subscriptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_deliveries_due_idx" ON "event_deliveries" USING btree ("next_attempt_at") WHERE "event_deliveries"."state" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "event_deliveries_subscription_idx" ON "event_deliveries" USING btree ("subscription_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "event_subscriptions_active_idx" ON "event_subscriptions" USING btree ("workspace_id") WHERE "event_subscriptions"."active";--> statement-breakpoint
-- Outbound events (events/event-types.ts): each is queued by a trigger in the transaction of the
-- change it reports, one delivery per active subscription of the workspace that asked for it.
-- A workspace without subscriptions pays one indexed lookup per change.
CREATE OR REPLACE FUNCTION scrm_emit_event(p_workspace uuid, p_type text, p_data jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_event uuid;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM event_subscriptions s
    WHERE s.workspace_id = p_workspace AND s.active AND p_type = ANY (s.events)
  ) THEN
    RETURN;
  END IF;
  v_event := gen_random_uuid();
  INSERT INTO event_deliveries (workspace_id, subscription_id, event_id, event_type, payload)
  SELECT p_workspace, s.id, v_event, p_type, jsonb_build_object(
    'id', v_event,
    'type', p_type,
    'workspace_id', p_workspace,
    'created_at', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'data', p_data)
  FROM event_subscriptions s
  WHERE s.workspace_id = p_workspace AND s.active AND p_type = ANY (s.events);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_message_received() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'message.received', jsonb_build_object(
    'message_id', NEW.id, 'contact_id', NEW.contact_id, 'channel_id', NEW.channel_id,
    'wamid', NEW.wamid, 'type', NEW.type, 'text', NEW.text, 'sent_at', NEW.sent_at));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_message_received AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.direction = 'inbound' AND NEW.thread_visible)
  EXECUTE FUNCTION scrm_event_message_received();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_message_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'message.status', jsonb_build_object(
    'message_id', NEW.id, 'contact_id', NEW.contact_id, 'wamid', NEW.wamid, 'status', NEW.status,
    'previous_status', OLD.status, 'error_code', NEW.error_code, 'error_title', NEW.error_title,
    'error_reason', NEW.error_reason));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_message_status AFTER UPDATE OF status ON messages
  FOR EACH ROW WHEN (NEW.direction = 'outbound' AND NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION scrm_event_message_status();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_contact_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'contact.created', jsonb_build_object(
    'contact_id', NEW.id, 'phone', NEW.phone_e164, 'wa_id', NEW.wa_id,
    'name', COALESCE(NEW.name, NEW.profile_name)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_contact_created AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION scrm_event_contact_created();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_segment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'segment.changed', jsonb_build_object(
    'contact_id', NEW.id, 'from', OLD.segment, 'to', NEW.segment, 'reason', NEW.segment_reason));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_segment_changed AFTER UPDATE OF segment ON contacts
  FOR EACH ROW WHEN (NEW.segment IS DISTINCT FROM OLD.segment)
  EXECUTE FUNCTION scrm_event_segment_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_contact_tagged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'contact.tagged', (
    SELECT jsonb_build_object('contact_id', NEW.contact_id, 'tag', t.key, 'label', t.label, 'source', NEW.source)
    FROM tags t WHERE t.id = NEW.tag_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_contact_tagged AFTER INSERT ON contact_tags
  FOR EACH ROW EXECUTE FUNCTION scrm_event_contact_tagged();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scrm_event_review_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scrm_emit_event(NEW.workspace_id, 'review.created', jsonb_build_object(
    'review_id', NEW.id, 'connection_id', NEW.connection_id, 'contact_id', NEW.contact_id,
    'kind', NEW.kind, 'field', NEW.field));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER scrm_event_review_created AFTER INSERT ON crm_review_items
  FOR EACH ROW EXECUTE FUNCTION scrm_event_review_created();
