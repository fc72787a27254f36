DROP INDEX "crm_record_links_record_uq";--> statement-breakpoint
ALTER TABLE "crm_field_mappings" ADD COLUMN "property_spec" jsonb;--> statement-breakpoint
ALTER TABLE "crm_record_links" ADD COLUMN "role" text DEFAULT 'primary' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_record_links_contact_uq" ON "crm_record_links" USING btree ("connection_id","object_type","contact_id");--> statement-breakpoint
CREATE INDEX "crm_record_links_lookup_idx" ON "crm_record_links" USING btree ("connection_id","object_type","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_record_links_record_uq" ON "crm_record_links" USING btree ("connection_id","object_type","record_id","contact_id");