CREATE TABLE "crm_record_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"merge_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"primary_record_id" text NOT NULL,
	"merged_record_id" text NOT NULL,
	"result_record_id" text,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_record_merges" ADD CONSTRAINT "crm_record_merges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_record_merges" ADD CONSTRAINT "crm_record_merges_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_record_merges" ADD CONSTRAINT "crm_record_merges_merge_id_contact_merges_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."contact_merges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_record_merges_uq" ON "crm_record_merges" USING btree ("connection_id","merge_id","object_type","merged_record_id");