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
CREATE UNIQUE INDEX "media_objects_message_uq" ON "media_objects" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "media_objects_due_idx" ON "media_objects" USING btree ("run_after") WHERE "media_objects"."state" in ('pending', 'fetching');--> statement-breakpoint
CREATE INDEX "media_objects_workspace_idx" ON "media_objects" USING btree ("workspace_id","created_at");