-- Evidence has a lifecycle (issue 12): documents, claims, sources and events can be retracted —
-- never deleted. A retraction is soft (the row stays, with who, when and why), audited, and hides
-- the row from lists, search and the ACH matrix unless asked for. A claim can name its originator
-- (the body that first made it), apart from the documents that relay it. Sources can be government.

ALTER TYPE "SourceKind" ADD VALUE IF NOT EXISTS 'government' AFTER 'agency';

ALTER TABLE "documents"
  ADD COLUMN "retracted_at" TIMESTAMPTZ(3),
  ADD COLUMN "retracted_by_id" UUID,
  ADD COLUMN "retraction_reason" TEXT;
ALTER TABLE "claims"
  ADD COLUMN "retracted_at" TIMESTAMPTZ(3),
  ADD COLUMN "retracted_by_id" UUID,
  ADD COLUMN "retraction_reason" TEXT,
  ADD COLUMN "originator_source_id" UUID;
ALTER TABLE "sources"
  ADD COLUMN "retracted_at" TIMESTAMPTZ(3),
  ADD COLUMN "retracted_by_id" UUID,
  ADD COLUMN "retraction_reason" TEXT;
-- Events become editable after creation, with optimistic concurrency like claims and sources.
ALTER TABLE "events"
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "retracted_at" TIMESTAMPTZ(3),
  ADD COLUMN "retracted_by_id" UUID,
  ADD COLUMN "retraction_reason" TEXT;

ALTER TABLE "documents" ADD CONSTRAINT "documents_retracted_by_id_fkey" FOREIGN KEY ("retracted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_retracted_by_id_fkey" FOREIGN KEY ("retracted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sources" ADD CONSTRAINT "sources_retracted_by_id_fkey" FOREIGN KEY ("retracted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_retracted_by_id_fkey" FOREIGN KEY ("retracted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_originator_source_id_fkey" FOREIGN KEY ("originator_source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "claims_originator_source_id_idx" ON "claims"("originator_source_id");

-- A retraction is all three facts or none: when, by whom, and a reason someone can read.
ALTER TABLE "documents" ADD CONSTRAINT "documents_retraction_complete" CHECK (
  (retracted_at IS NULL AND retracted_by_id IS NULL AND retraction_reason IS NULL)
  OR (retracted_at IS NOT NULL AND retracted_by_id IS NOT NULL AND length(btrim(retraction_reason)) > 0));
ALTER TABLE "claims" ADD CONSTRAINT "claims_retraction_complete" CHECK (
  (retracted_at IS NULL AND retracted_by_id IS NULL AND retraction_reason IS NULL)
  OR (retracted_at IS NOT NULL AND retracted_by_id IS NOT NULL AND length(btrim(retraction_reason)) > 0));
ALTER TABLE "sources" ADD CONSTRAINT "sources_retraction_complete" CHECK (
  (retracted_at IS NULL AND retracted_by_id IS NULL AND retraction_reason IS NULL)
  OR (retracted_at IS NOT NULL AND retracted_by_id IS NOT NULL AND length(btrim(retraction_reason)) > 0));
ALTER TABLE "events" ADD CONSTRAINT "events_retraction_complete" CHECK (
  (retracted_at IS NULL AND retracted_by_id IS NULL AND retraction_reason IS NULL)
  OR (retracted_at IS NOT NULL AND retracted_by_id IS NOT NULL AND length(btrim(retraction_reason)) > 0));

-- An originator is a source of the same case as the claim.
CREATE FUNCTION claims_originator_same_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.originator_source_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM sources s WHERE s.id = NEW.originator_source_id AND s.case_id = NEW.case_id
  ) THEN
    RAISE EXCEPTION 'claim originator is a source from another case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "claims_originator_same_case" BEFORE INSERT OR UPDATE OF originator_source_id ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claims_originator_same_case();
