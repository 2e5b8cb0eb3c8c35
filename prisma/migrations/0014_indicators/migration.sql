-- Indicators (issue 13): technical observables (addresses, domains, URLs, e-mail addresses, hashes,
-- CVE ids) recorded per case in their canonical form, each anchored to the quotes that report it,
-- optionally tied to claims and to the entities it indicates (intrusion set, malware). The same
-- value in another case is found by (type, value), for the "also in N other cases" pivot.

CREATE TYPE "IndicatorType" AS ENUM ('ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve');
CREATE TYPE "IndicatorStatus" AS ENUM ('active', 'retired');

CREATE TABLE "indicators" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "type" "IndicatorType" NOT NULL,
  "value" TEXT NOT NULL,
  "flags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "note" TEXT NOT NULL DEFAULT '',
  "first_seen" TIMESTAMPTZ(3),
  "last_seen" TIMESTAMPTZ(3),
  "status" "IndicatorStatus" NOT NULL DEFAULT 'active',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "indicators_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "indicators_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "indicators_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "indicators_value_length" CHECK (length("value") BETWEEN 1 AND 2048),
  CONSTRAINT "indicators_seen_order" CHECK ("first_seen" IS NULL OR "last_seen" IS NULL OR "first_seen" <= "last_seen")
);
CREATE UNIQUE INDEX "indicators_case_id_type_value_key" ON "indicators"("case_id", "type", "value");
CREATE INDEX "indicators_type_value_idx" ON "indicators"("type", "value");

-- The quotes an indicator rests on: offsets are UTF-16 code units into the document's stored text.
CREATE TABLE "indicator_excerpts" (
  "id" UUID NOT NULL,
  "indicator_id" UUID NOT NULL,
  "document_id" UUID NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "exact" TEXT NOT NULL,
  "prefix" TEXT NOT NULL DEFAULT '',
  "suffix" TEXT NOT NULL DEFAULT '',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "indicator_excerpts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "indicator_excerpts_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "indicator_excerpts_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "indicator_excerpts_indicator_id_document_id_start_end_key" ON "indicator_excerpts"("indicator_id", "document_id", "start", "end");
CREATE INDEX "indicator_excerpts_document_id_idx" ON "indicator_excerpts"("document_id");

CREATE TABLE "indicator_claims" (
  "indicator_id" UUID NOT NULL,
  "claim_id" UUID NOT NULL,
  CONSTRAINT "indicator_claims_pkey" PRIMARY KEY ("indicator_id", "claim_id"),
  CONSTRAINT "indicator_claims_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "indicator_claims_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "indicator_claims_claim_id_idx" ON "indicator_claims"("claim_id");

-- STIX `indicates`: the indicator points to this intrusion set, threat actor, malware or infrastructure.
CREATE TABLE "indicator_entities" (
  "indicator_id" UUID NOT NULL,
  "entity_id" UUID NOT NULL,
  CONSTRAINT "indicator_entities_pkey" PRIMARY KEY ("indicator_id", "entity_id"),
  CONSTRAINT "indicator_entities_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "indicator_entities_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "indicator_entities_entity_id_idx" ON "indicator_entities"("entity_id");

-- Quotes, claims and entities belong to the indicator's own case, whatever a service forgets.
CREATE FUNCTION indicator_links_same_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  other UUID;
BEGIN
  IF TG_TABLE_NAME = 'indicator_excerpts' THEN
    SELECT case_id INTO other FROM documents WHERE id = NEW.document_id;
  ELSIF TG_TABLE_NAME = 'indicator_claims' THEN
    SELECT case_id INTO other FROM claims WHERE id = NEW.claim_id;
  ELSE
    SELECT case_id INTO other FROM entities WHERE id = NEW.entity_id;
  END IF;
  IF (SELECT case_id FROM indicators WHERE id = NEW.indicator_id) IS DISTINCT FROM other THEN
    RAISE EXCEPTION 'an indicator links only to records of its own case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "indicator_excerpts_same_case" BEFORE INSERT OR UPDATE ON "indicator_excerpts" FOR EACH ROW EXECUTE FUNCTION indicator_links_same_case();
CREATE TRIGGER "indicator_claims_same_case" BEFORE INSERT OR UPDATE ON "indicator_claims" FOR EACH ROW EXECUTE FUNCTION indicator_links_same_case();
CREATE TRIGGER "indicator_entities_same_case" BEFORE INSERT OR UPDATE ON "indicator_entities" FOR EACH ROW EXECUTE FUNCTION indicator_links_same_case();
