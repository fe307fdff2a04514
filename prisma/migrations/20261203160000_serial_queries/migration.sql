-- hand-written: no parallel workers for the app's own sessions in this database.
--
-- The app's queries are short and many run at once; a parallel plan starts worker processes
-- for each of them. Measured at 1M quotes (issue 15, docs/performance.md): a search for a name
-- took 26-33 ms with parallel plans off and 103-134 ms with them on (starting a worker cost
-- ~19 ms on that machine), p50 of the benchmark's 30 searches 67 against 130 ms. A role may set
-- its own session defaults, so this needs no privilege beyond the app's own; it applies to
-- sessions opened after it (the app opens its pool after migrating), and through a connection
-- pooler too, since the server applies it when a session starts. An operator can undo it with
-- ALTER ROLE … IN DATABASE … RESET max_parallel_workers_per_gather.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE CURRENT_USER IN DATABASE %I SET max_parallel_workers_per_gather = 0', current_database());
END
$$;
