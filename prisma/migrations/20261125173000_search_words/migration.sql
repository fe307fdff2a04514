-- hand-written: the words of the public texts, for the search's typo-tolerant fallback
-- (lib/public/search.ts). A query that full text does not find is spelt again with the
-- vocabulary's most similar words (trigram similarity over ~10^4 short words instead of over
-- every quote's text) and searched again with full text. Only public texts: the text of public
-- claims and their published summaries, and the quotes attached to public claims. Refreshed
-- after every public change (lib/public/revalidate.ts) and when the demo data is loaded.
-- A materialized view is not part of Prisma's schema; the drift test knows its indexes.
-- Names are schema-qualified: PostgreSQL 17 (PGlite) builds and refreshes materialized views
-- with search_path = pg_catalog.
CREATE MATERIALIZED VIEW "SearchWord" AS
SELECT word, ndoc
  FROM ts_stat($q$
    SELECT to_tsvector('public.claimbase_simple', c."text" || ' ' || coalesce(c."publishedSummary", ''))
      FROM public."Claim" c WHERE c."publicState" IS NOT NULL
    UNION ALL
    SELECT to_tsvector('public.claimbase_simple', qt."text")
      FROM public."Quote" qt
     WHERE EXISTS (SELECT 1 FROM public."ClaimQuote" cq JOIN public."Claim" c ON c.id = cq."claimId"
                    WHERE cq."quoteId" = qt.id AND c."publicState" IS NOT NULL)
  $q$)
 WHERE length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]';

-- hand-written: REFRESH ... CONCURRENTLY needs a unique index; readers are never blocked.
CREATE UNIQUE INDEX "SearchWord_word_key" ON "SearchWord" (word);
-- hand-written
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN (word gin_trgm_ops);
