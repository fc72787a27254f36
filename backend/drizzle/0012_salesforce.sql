ALTER TABLE "crm_connections" ADD COLUMN "provider_state" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_connections" ADD COLUMN "api_usage" jsonb;--> statement-breakpoint
ALTER TABLE "crm_connections" ADD COLUMN "card_key_hash" text;--> statement-breakpoint
ALTER TABLE "crm_connections" ADD COLUMN "card_key_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_connections_card_key_uq" ON "crm_connections" USING btree ("card_key_hash");