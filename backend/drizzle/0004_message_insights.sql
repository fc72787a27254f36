ALTER TABLE "contacts" ADD COLUMN "last_intent" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_intent_confidence" real;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_intent_message_id" bigint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_intent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sentiment" real;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sentiment_messages" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sentiment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "intent" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "intent_confidence" real;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sentiment" real;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "language" text;