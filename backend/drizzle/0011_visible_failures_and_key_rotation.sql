ALTER TABLE "api_keys" ADD COLUMN "from_config" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "error_reason" text;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
-- The platform key the first start seeded from ADMIN_API_KEY (before this column existed).
UPDATE "api_keys" SET "from_config" = true WHERE "name" = 'ADMIN_API_KEY' AND "scope" = 'platform';
