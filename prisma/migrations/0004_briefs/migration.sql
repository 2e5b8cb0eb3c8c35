-- Briefs: per-case brief settings, immutable releases with the exact bytes of each format.

ALTER TABLE "reviews" DROP CONSTRAINT "reviews_target_type";
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_target_type" CHECK ("target_type" IN ('hypothesis', 'question', 'brief'));

CREATE TABLE "brief_settings" (
  "case_id" UUID NOT NULL,
  "template" TEXT NOT NULL DEFAULT 'full',
  "sections" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "version" INTEGER NOT NULL DEFAULT 1,
  "updated_by_id" UUID,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "brief_settings_pkey" PRIMARY KEY ("case_id"),
  CONSTRAINT "brief_settings_template" CHECK ("template" IN ('full', 'summary')),
  CONSTRAINT "brief_settings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "brief_releases" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "number" INTEGER NOT NULL,
  "content_hash" TEXT NOT NULL,
  "manifest" JSONB NOT NULL,
  "released_by_id" UUID NOT NULL,
  "approved_by_id" UUID NOT NULL,
  "review_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "brief_releases_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "brief_releases_number_positive" CHECK ("number" > 0),
  -- The approver of a release is never its releaser.
  CONSTRAINT "brief_releases_two_people" CHECK ("released_by_id" <> "approved_by_id"),
  CONSTRAINT "brief_releases_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "brief_releases_released_by_id_fkey" FOREIGN KEY ("released_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "brief_releases_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "brief_releases_case_id_number_key" ON "brief_releases"("case_id", "number");

CREATE TABLE "brief_release_files" (
  "release_id" UUID NOT NULL,
  "format" TEXT NOT NULL,
  "bytes" BYTEA NOT NULL,
  "sha256" TEXT NOT NULL,
  "size" INTEGER NOT NULL,
  "mime_type" TEXT NOT NULL,
  CONSTRAINT "brief_release_files_pkey" PRIMARY KEY ("release_id", "format"),
  CONSTRAINT "brief_release_files_format" CHECK ("format" IN ('md', 'pdf', 'docx', 'stix')),
  CONSTRAINT "brief_release_files_size_matches" CHECK ("size" = octet_length("bytes")),
  CONSTRAINT "brief_release_files_sha256_matches" CHECK ("sha256" = encode(sha256("bytes"), 'hex')),
  CONSTRAINT "brief_release_files_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "brief_releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Released briefs never change.
CREATE FUNCTION brief_releases_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "brief_releases_immutable" BEFORE UPDATE OR DELETE ON "brief_releases" FOR EACH ROW EXECUTE FUNCTION brief_releases_immutable();
CREATE TRIGGER "brief_release_files_immutable" BEFORE UPDATE OR DELETE ON "brief_release_files" FOR EACH ROW EXECUTE FUNCTION brief_releases_immutable();
