-- Evidence: graded sources, claims anchored to excerpts, links, entities, timeline, API tokens.

CREATE TYPE "SourceKind" AS ENUM ('outlet', 'vendor', 'agency', 'advocacy', 'person', 'other');
CREATE TYPE "Reliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');
CREATE TYPE "ClaimKind" AS ENUM ('fact', 'allegation', 'assessment', 'denial');
CREATE TYPE "ClaimStatus" AS ENUM ('draft', 'accepted', 'disputed', 'rejected');
CREATE TYPE "ClaimLinkKind" AS ENUM ('corroborates', 'contradicts', 'repeats');
CREATE TYPE "EntityKind" AS ENUM ('threat_actor', 'intrusion_set', 'organization', 'person', 'location', 'malware', 'infrastructure');
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

CREATE TABLE "sources" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "SourceKind" NOT NULL,
  "reliability" "Reliability" NOT NULL,
  "rationale" TEXT NOT NULL,
  "url" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "sources_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sources_name_not_blank" CHECK (length(btrim("name")) > 0),
  CONSTRAINT "sources_rationale_not_blank" CHECK (length(btrim("rationale")) > 0),
  CONSTRAINT "sources_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "sources_case_id_name_key" ON "sources"("case_id", "name");

ALTER TABLE "documents"
  ADD COLUMN "source_id" UUID,
  ADD COLUMN "reliability_override" "Reliability",
  ADD COLUMN "override_reason" TEXT,
  ADD CONSTRAINT "documents_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "documents_override_needs_reason" CHECK ("reliability_override" IS NULL OR length(btrim(coalesce("override_reason", ''))) > 0);
CREATE INDEX "documents_source_id_idx" ON "documents"("source_id");

CREATE TABLE "claims" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "statement" TEXT NOT NULL,
  "claimant" TEXT NOT NULL,
  "kind" "ClaimKind" NOT NULL,
  "credibility" INTEGER NOT NULL,
  "source_confidence" TEXT,
  "status" "ClaimStatus" NOT NULL DEFAULT 'draft',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "claims_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "claims_statement_not_blank" CHECK (length(btrim("statement")) > 0),
  CONSTRAINT "claims_credibility_range" CHECK ("credibility" BETWEEN 1 AND 6),
  CONSTRAINT "claims_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "claims_case_id_created_at_idx" ON "claims"("case_id", "created_at");

CREATE TABLE "excerpts" (
  "id" UUID NOT NULL,
  "claim_id" UUID NOT NULL,
  "document_id" UUID NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "exact" TEXT NOT NULL,
  "prefix" TEXT NOT NULL DEFAULT '',
  "suffix" TEXT NOT NULL DEFAULT '',
  "position" INTEGER NOT NULL DEFAULT 0,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "excerpts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "excerpts_range" CHECK ("start" >= 0 AND "end" > "start" AND length("exact") > 0),
  CONSTRAINT "excerpts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "excerpts_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "excerpts_claim_id_idx" ON "excerpts"("claim_id");
CREATE INDEX "excerpts_document_id_idx" ON "excerpts"("document_id");

-- Defence in depth: an excerpt may only cite a document of its claim's own case.
CREATE FUNCTION excerpts_same_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT case_id FROM claims WHERE id = NEW.claim_id) IS DISTINCT FROM (SELECT case_id FROM documents WHERE id = NEW.document_id) THEN
    RAISE EXCEPTION 'excerpt cites a document from another case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "excerpts_same_case" BEFORE INSERT OR UPDATE ON "excerpts" FOR EACH ROW EXECUTE FUNCTION excerpts_same_case();

CREATE TABLE "claim_links" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "from_claim_id" UUID NOT NULL,
  "to_claim_id" UUID NOT NULL,
  "kind" "ClaimLinkKind" NOT NULL,
  "note" TEXT,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claim_links_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "claim_links_not_self" CHECK ("from_claim_id" <> "to_claim_id"),
  CONSTRAINT "claim_links_from_claim_id_fkey" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "claim_links_to_claim_id_fkey" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "claim_links_from_claim_id_to_claim_id_kind_key" ON "claim_links"("from_claim_id", "to_claim_id", "kind");
CREATE INDEX "claim_links_to_claim_id_idx" ON "claim_links"("to_claim_id");

CREATE TABLE "entities" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "kind" "EntityKind" NOT NULL,
  "name" TEXT NOT NULL,
  "aliases" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "description" TEXT NOT NULL DEFAULT '',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "entities_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "entities_name_not_blank" CHECK (length(btrim("name")) > 0),
  CONSTRAINT "entities_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "entities_case_id_name_key" ON "entities"("case_id", "name");

CREATE TABLE "claim_entities" (
  "claim_id" UUID NOT NULL,
  "entity_id" UUID NOT NULL,
  CONSTRAINT "claim_entities_pkey" PRIMARY KEY ("claim_id", "entity_id"),
  CONSTRAINT "claim_entities_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "claim_entities_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "claim_entities_entity_id_idx" ON "claim_entities"("entity_id");

CREATE TABLE "events" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "precision" "DatePrecision" NOT NULL,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "events_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "events_title_not_blank" CHECK (length(btrim("title")) > 0),
  CONSTRAINT "events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "events_case_id_occurred_at_idx" ON "events"("case_id", "occurred_at");

CREATE TABLE "event_claims" (
  "event_id" UUID NOT NULL,
  "claim_id" UUID NOT NULL,
  CONSTRAINT "event_claims_pkey" PRIMARY KEY ("event_id", "claim_id"),
  CONSTRAINT "event_claims_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "event_claims_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "event_claims_claim_id_idx" ON "event_claims"("claim_id");

CREATE TABLE "api_tokens" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");
