CREATE TABLE "crm_record_erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"erasure_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"record_id" text NOT NULL,
	"created_by_us" boolean NOT NULL,
	"action" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"activities_removed" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "crm_record_links" ADD COLUMN "created_by_us" boolean;--> statement-breakpoint
ALTER TABLE "crm_record_erasures" ADD CONSTRAINT "crm_record_erasures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_record_erasures" ADD CONSTRAINT "crm_record_erasures_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_record_erasures_erasure_idx" ON "crm_record_erasures" USING btree ("workspace_id","erasure_id");--> statement-breakpoint
CREATE INDEX "crm_record_erasures_connection_idx" ON "crm_record_erasures" USING btree ("connection_id");