CREATE TABLE "sync_accuracy_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"day" text NOT NULL,
	"records_sampled" integer NOT NULL,
	"fields_compared" integer NOT NULL,
	"fields_equal" integer NOT NULL,
	"accuracy" double precision,
	"differences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"differences_total" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_accuracy_samples" ADD CONSTRAINT "sync_accuracy_samples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_accuracy_samples" ADD CONSTRAINT "sync_accuracy_samples_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_accuracy_samples_day_uq" ON "sync_accuracy_samples" USING btree ("connection_id","day");--> statement-breakpoint
CREATE INDEX "sync_accuracy_samples_ws_idx" ON "sync_accuracy_samples" USING btree ("workspace_id","connection_id","created_at" DESC NULLS LAST);