CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"crm_user_id" text,
	"scope" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" integer,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "erasure_tombstones" (
	"message_key_hash" text PRIMARY KEY NOT NULL,
	"erasure_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"message_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"meta_media_id" text NOT NULL,
	"meta_sha256" text,
	"source_mime_type" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"failure_reason" text,
	"failure_detail" text,
	"source_bytes" bigint,
	"source_sha256" text,
	"file_key" text,
	"file_mime_type" text,
	"file_bytes" bigint,
	"width" integer,
	"height" integer,
	"thumb_key" text,
	"thumb_bytes" integer,
	"animation_key" text,
	"stored_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_objects" ADD CONSTRAINT "media_objects_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_objects" ADD CONSTRAINT "media_objects_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_objects" ADD CONSTRAINT "media_objects_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_workspace_idx" ON "audit_log" USING btree ("workspace_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "erasure_tombstones_workspace_idx" ON "erasure_tombstones" USING btree ("workspace_id","erased_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_objects_message_uq" ON "media_objects" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "media_objects_due_idx" ON "media_objects" USING btree ("run_after") WHERE "media_objects"."state" in ('pending', 'fetching');--> statement-breakpoint
CREATE INDEX "media_objects_workspace_idx" ON "media_objects" USING btree ("workspace_id","created_at");--> statement-breakpoint
-- Hand-written (re-append after a renumber): the audit trail is append-only. Only the audit
-- retention prune, which sets scrm.audit_prune for its own transaction, may delete; nobody may update.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('scrm.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
