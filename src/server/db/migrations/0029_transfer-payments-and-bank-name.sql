ALTER TABLE "payments" DROP CONSTRAINT "payments_method_check";--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "transferred_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_transfer_reference_key" ON "payments" USING btree ("reference") WHERE "payments"."method" = 'TRANSFER';--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_transfer_check" CHECK ("payments"."method" <> 'TRANSFER' or ("payments"."reference" is not null and "payments"."transferred_on" is not null));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('CASH', 'VIETQR', 'PAYGOV', 'TRANSFER'));