ALTER TABLE "analytics_funnel" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "analytics_funnel" ADD COLUMN "campaign" text;