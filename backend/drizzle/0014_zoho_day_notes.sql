CREATE TABLE "zoho_day_notes" (
	"connection_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"day" text NOT NULL,
	"part" integer DEFAULT 1 NOT NULL,
	"note_id" text NOT NULL,
	"content" text NOT NULL,
	"keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zoho_day_notes_connection_id_record_id_day_part_pk" PRIMARY KEY("connection_id","record_id","day","part")
);
--> statement-breakpoint
ALTER TABLE "zoho_day_notes" ADD CONSTRAINT "zoho_day_notes_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;