// One hash of a PostgreSQL database's tables, columns, indexes and constraints (schema public): a
// test database given back is emptied for reuse only while it still matches the template's.
export const SCHEMA_FINGERPRINT = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS fingerprint FROM (
  SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') AS x
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
) s`;
