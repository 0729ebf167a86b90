import { sql } from 'drizzle-orm';

/**
 * How a list names the unit a row sits in: a zone (an alley, a cluster) with the thôn or tổ it belongs to, from the
 * smallest up ("Ngõ 3 · Thôn Đông"), because "Ngõ 3" alone exists in every thôn; anything else by its own name.
 * Reads the `units` row the query joined; the ancestors come by primary key from the path's ids.
 */
export const unitLabel = sql<string>`case when "units"."tier" = 'ZONE' then coalesce((
    select string_agg(a.name, ' · ' order by a.depth desc) from units a
    where a.id = any(string_to_array(trim(both '/' from "units"."path"), '/')::int[])
      and a.tier in ('COMMUNITY', 'ZONE')), "units"."name")
  else "units"."name" end`;
