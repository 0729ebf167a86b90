CREATE TABLE "campaign_unit_counts" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"targets" integer NOT NULL,
	"done" integer NOT NULL,
	CONSTRAINT "campaign_unit_counts_campaign_id_unit_id_pk" PRIMARY KEY("campaign_id","unit_id")
);
