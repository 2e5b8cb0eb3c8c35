-- The lossless STIX round trip (issue 14): what an imported case archive records about the people of the
-- exporting workspace — their ACH ratings, dissent, reviews and each judgment's saved versions. These are
-- not ratings, comments or approvals in THIS workspace (their authors have no account here, and an
-- approval given there is no approval here), so they are kept as a read-only record of the case: written
-- once by the import, read by the case archive export so the next export carries them again.
-- Each row's `record` is one entry of the archive's casefile-record extension (lib/stix/schemas.ts) with
-- its keys rewritten to this case's ids.

CREATE TABLE "recorded_history" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "record" JSONB NOT NULL,
  "bundle_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "recorded_history_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "recorded_history_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "recorded_history_kind" CHECK ("kind" IN ('rating', 'dissent', 'review', 'history'))
);
CREATE INDEX "recorded_history_case_id_kind_idx" ON "recorded_history"("case_id", "kind");

-- Append-only, like the audit log and hypothesis versions: the app role inserts and reads, never rewrites.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casefile_app') THEN
    GRANT SELECT, INSERT ON "recorded_history" TO casefile_app;
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "recorded_history" FROM casefile_app;
  END IF;
END $$;
