-- Search at the index's own speed (issue 16). Every arm of the search statement filters by the
-- cases the user is a member of; with the GIN index on the vector alone and a btree on case_id, the
-- planner had two bad choices: walk every chunk of the user's 40 cases and test the words on each
-- (~4,000 vectors read from TOAST for a word found in three documents), or take every matching chunk
-- of the whole corpus and drop the other cases' (~56,000 rows for a common word). A GIN index on
-- (case_id, search_vector) (btree_gin) answers "these cases AND these words" inside one index scan,
-- so only the chunks and claims that are both readable and matching are fetched.
-- IF NOT EXISTS: the indexes were first built by hand on a benchmark database.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX IF NOT EXISTS "document_chunks_case_id_search_vector_idx" ON "document_chunks" USING GIN ("case_id", "search_vector");
-- The composite index serves `case_id = …` (a case's deletion cascading to its chunks) as well, and the
-- planner preferred this btree for rare words, reading every chunk of the user's cases: dropped.
DROP INDEX IF EXISTS "document_chunks_case_id_idx";

CREATE INDEX IF NOT EXISTS "claims_case_id_search_vector_idx" ON "claims" USING GIN ("case_id", "search_vector");

-- Search leaves retracted documents out unless asked for: their ids in the user's cases, from an index
-- that holds only retracted documents (few) instead of a walk over the 100 documents of each case.
CREATE INDEX IF NOT EXISTS "documents_retracted_case_id_idx" ON "documents" ("case_id") WHERE "retracted_at" IS NOT NULL;
