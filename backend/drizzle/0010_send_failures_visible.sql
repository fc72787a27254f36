ALTER TABLE "messages" ADD COLUMN "error_reason" text;--> statement-breakpoint
ALTER TABLE "send_jobs" ADD COLUMN "failing_since" timestamp with time zone;