CREATE TABLE "ingest_dead_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingest_dead_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"webhook_event_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"item_ref" text NOT NULL,
	"reason" text NOT NULL,
	"last_error" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "ingest_dead_items" ADD CONSTRAINT "ingest_dead_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_dead_items" ADD CONSTRAINT "ingest_dead_items_channel_id_whatsapp_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."whatsapp_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_dead_items" ADD CONSTRAINT "ingest_dead_items_webhook_event_id_webhook_events_id_fk" FOREIGN KEY ("webhook_event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_dead_items_workspace_idx" ON "ingest_dead_items" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "ingest_dead_items_event_idx" ON "ingest_dead_items" USING btree ("webhook_event_id");--> statement-breakpoint
-- Failures recorded before classification could quote SQL and its parameters (other tenants' data).
UPDATE "webhook_events" SET "failure_reason" = 'internal', "last_error" = 'an earlier failure; its details were withheld when errors became classified' WHERE "last_error" IS NOT NULL;
