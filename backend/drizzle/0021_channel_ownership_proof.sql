ALTER TABLE "whatsapp_channels" ADD COLUMN "ownership_proven_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ADD COLUMN "verified_name" text;