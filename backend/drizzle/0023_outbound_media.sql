CREATE TABLE "outbound_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meta_media_id" text NOT NULL,
	"meta_uploaded_at" timestamp with time zone NOT NULL,
	"filename" text,
	"source_mime_type" text NOT NULL,
	"source_bytes" bigint NOT NULL,
	"source_sha256" text NOT NULL,
	"file_key" text NOT NULL,
	"file_mime_type" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"width" integer,
	"height" integer,
	"thumb_key" text,
	"thumb_bytes" integer,
	"animation_key" text,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbound_media" ADD CONSTRAINT "outbound_media_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_media" ADD CONSTRAINT "outbound_media_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_media_workspace_idx" ON "outbound_media" USING btree ("workspace_id","created_at");