-- Brief integrity (issue 11): the brief says only what the approved evidence supports.
--
-- A judgment states its own proposition ("Iran's MOIS directed the attacks") and why the analyst holds
-- the confidence they do; the brief prints them in ICD 203's form instead of wrapping the hypothesis
-- title in a template. Both are part of the reviewed content (lib/attribution/content-hash.ts).
ALTER TABLE "hypotheses" ADD COLUMN "proposition" TEXT NOT NULL DEFAULT '';
ALTER TABLE "hypotheses" ADD COLUMN "confidence_basis" TEXT NOT NULL DEFAULT '';

-- A document or a source can carry its own TLP marking; a brief cannot be released at a marking less
-- strict than the strictest document it cites.
ALTER TABLE "documents" ADD COLUMN "tlp" "Tlp";
ALTER TABLE "sources" ADD COLUMN "tlp" "Tlp";

-- Which side an entity is on: a victim's system is never exported as adversary infrastructure.
ALTER TABLE "entities" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'unspecified';
ALTER TABLE "entities" ADD CONSTRAINT "entities_role" CHECK ("role" IN ('adversary', 'victim', 'unspecified'));

-- The brief cites what its judgments cite; an analyst may add or leave out a document explicitly.
ALTER TABLE "brief_settings" ADD COLUMN "include_document_ids" UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE "brief_settings" ADD COLUMN "exclude_document_ids" UUID[] NOT NULL DEFAULT '{}';

-- A wording or independence warning blocks a release until it is fixed or acknowledged with a reason.
-- The key is the warning's stable hash (lib/briefs/wording-check.ts); the acknowledgement is printed
-- in the brief's notes.
CREATE TABLE "brief_acknowledgements" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "case_id" UUID NOT NULL,
  "warning_key" TEXT NOT NULL,
  "warning" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "brief_acknowledgements_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "brief_acknowledgements_reason" CHECK (length(btrim("reason")) > 0),
  CONSTRAINT "brief_acknowledgements_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "brief_acknowledgements_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "brief_acknowledgements_case_id_warning_key_key" ON "brief_acknowledgements"("case_id", "warning_key");

-- One row: this installation's identity, so every STIX producer identity is per installation instead
-- of a constant shared by every copy of the software. Created on first use (lib/briefs/compose-brief.ts),
-- not here, so a backup restored into a freshly migrated database brings its own identity along.
CREATE TABLE "installation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "singleton" BOOLEAN NOT NULL DEFAULT true,
  "name" TEXT NOT NULL DEFAULT 'Casefile workspace',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "installation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "installation_singleton" CHECK ("singleton")
);
CREATE UNIQUE INDEX "installation_singleton_key" ON "installation"("singleton");
