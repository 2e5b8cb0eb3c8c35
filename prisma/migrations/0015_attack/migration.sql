-- MITRE ATT&CK in a case (issue #13): claims tagged with the techniques their quotes describe, and entities linked
-- to the ATT&CK object they are (an intrusion set to its G-id, malware or a tool to its S-id, a campaign to its
-- C-id). The ATT&CK catalogue itself ships with the app (lib/attack/data); the database holds only ids.

CREATE TABLE "claim_techniques" (
  "claim_id" UUID NOT NULL REFERENCES "claims"("id") ON DELETE CASCADE,
  "technique_id" TEXT NOT NULL CHECK ("technique_id" ~ '^T[0-9]{4}(\.[0-9]{3})?$'),
  "case_id" UUID NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
  "created_by_id" UUID NOT NULL REFERENCES "users"("id"),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("claim_id", "technique_id")
);
CREATE INDEX "claim_techniques_case_id_technique_id_idx" ON "claim_techniques" ("case_id", "technique_id");

ALTER TABLE "entities" ADD COLUMN "attack_id" TEXT CHECK ("attack_id" ~ '^[GSC][0-9]{4}$');
