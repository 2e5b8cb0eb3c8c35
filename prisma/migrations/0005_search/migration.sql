-- Search: full-text vectors on documents, claims, entities and sources; long document texts indexed in
-- chunks (a tsvector is capped at 1 MB and word positions at 16,383); trigram indexes for fuzzy names.
-- The vectors are stored generated columns, so they can never drift from the text they index.
-- One text search configuration everywhere (casefile_search, below), and weights: titles/names A,
-- statements B, bodies C, bylines D.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- English stemming without the English stop-word list: analysts search for phrases such as
-- "the same aggressors", and with stop words dropped "same" would vanish from both the index and the
-- query, so the phrase could neither be matched exactly nor highlighted.
CREATE TEXT SEARCH DICTIONARY casefile_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION casefile_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION casefile_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH casefile_english_stem;

-- An entity's name and aliases as one string for trigram matching. array_to_string is only STABLE
-- (it can call element output functions), but on text[] it is deterministic, so this wrapper can
-- be IMMUTABLE and used in an index expression and a generated column.
CREATE FUNCTION search_entity_names(name TEXT, aliases TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), '') $$;

ALTER TABLE "documents" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('casefile_search', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('casefile_search', coalesce("publisher", '') || ' ' || coalesce("author", '')), 'D')
) STORED;
CREATE INDEX "documents_search_vector_idx" ON "documents" USING GIN ("search_vector");
CREATE INDEX "documents_title_trgm_idx" ON "documents" USING GIN ("title" gin_trgm_ops);

ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('casefile_search', coalesce("statement", '')), 'B') ||
  setweight(to_tsvector('casefile_search', coalesce("claimant", '')), 'C') ||
  setweight(to_tsvector('casefile_search', coalesce("source_confidence", '')), 'D')
) STORED;
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "claims_statement_trgm_idx" ON "claims" USING GIN ("statement" gin_trgm_ops);

ALTER TABLE "entities" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('casefile_search', search_entity_names("name", "aliases")), 'A') ||
  setweight(to_tsvector('casefile_search', coalesce("description", '')), 'C')
) STORED;
CREATE INDEX "entities_search_vector_idx" ON "entities" USING GIN ("search_vector");
CREATE INDEX "entities_names_trgm_idx" ON "entities" USING GIN (search_entity_names("name", "aliases") gin_trgm_ops);

ALTER TABLE "sources" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('casefile_search', coalesce("name", '')), 'A') ||
  setweight(to_tsvector('casefile_search', coalesce("rationale", '')), 'C')
) STORED;
CREATE INDEX "sources_search_vector_idx" ON "sources" USING GIN ("search_vector");
CREATE INDEX "sources_name_trgm_idx" ON "sources" USING GIN ("name" gin_trgm_ops);

CREATE INDEX "cases_title_trgm_idx" ON "cases" USING GIN ("title" gin_trgm_ops);

-- A document's text in pieces of at most 30,000 characters, each ending at a paragraph break, else a
-- line break, else a space, when one falls in the second half of the piece (so no word is cut unless
-- a 15,000-character run has no space at all). "start" is the 0-based character offset of the piece.
CREATE FUNCTION document_text_chunks(body TEXT, max_len INTEGER DEFAULT 30000)
  RETURNS TABLE ("seq" INTEGER, "start" INTEGER, "chunk" TEXT)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  total INTEGER := coalesce(length(body), 0);
  pos INTEGER := 1;
  n INTEGER := 0;
  win TEXT;
  len INTEGER;
  brk INTEGER;
BEGIN
  WHILE pos <= total LOOP
    win := substr(body, pos, max_len);
    len := length(win);
    IF pos + len <= total THEN
      -- Distance of the last break from the end of the window (0 = not found).
      brk := strpos(reverse(win), E'\n\n');
      IF brk = 0 OR brk > len / 2 THEN brk := strpos(reverse(win), E'\n'); END IF;
      IF brk = 0 OR brk > len / 2 THEN brk := strpos(reverse(win), ' '); END IF;
      IF brk > 0 AND brk <= len / 2 THEN
        len := len - brk + 1;
        win := left(win, len);
      END IF;
    END IF;
    seq := n; start := pos - 1; chunk := win;
    RETURN NEXT;
    n := n + 1;
    pos := pos + len;
  END LOOP;
END $$;

CREATE TABLE "document_chunks" (
  "document_id" UUID NOT NULL,
  "seq" INTEGER NOT NULL,
  "case_id" UUID NOT NULL,
  "start" INTEGER NOT NULL,
  "text" TEXT NOT NULL,
  "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('casefile_search', "text"), 'C')) STORED,
  CONSTRAINT "document_chunks_pkey" PRIMARY KEY ("document_id", "seq"),
  CONSTRAINT "document_chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "document_chunks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "document_chunks_case_id_idx" ON "document_chunks"("case_id");
CREATE INDEX "document_chunks_search_vector_idx" ON "document_chunks" USING GIN ("search_vector");

-- Chunks are written in the same statement as the document, whichever path inserts it (capture,
-- upload, STIX import, seed or benchmark loader). A document's text never changes, so inserts suffice.
CREATE FUNCTION documents_index_chunks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "document_chunks" ("document_id", "seq", "case_id", "start", "text")
    SELECT NEW."id", c."seq", NEW."case_id", c."start", c."chunk" FROM document_text_chunks(NEW."text") c;
  RETURN NULL;
END $$;
CREATE TRIGGER "documents_index_chunks" AFTER INSERT ON "documents" FOR EACH ROW EXECUTE FUNCTION documents_index_chunks();

-- Documents stored before this migration.
INSERT INTO "document_chunks" ("document_id", "seq", "case_id", "start", "text")
  SELECT d."id", c."seq", d."case_id", c."start", c."chunk" FROM "documents" d CROSS JOIN LATERAL document_text_chunks(d."text") c;
