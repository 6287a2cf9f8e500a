// How the case list answers a search (`q`): through the cases its n-grams name (migration
// 0019), or by walking the list in its own order and testing each case. Which is cheaper
// depends on how common the query's grams are, which PostgreSQL's own statistics of the
// n-gram column say (pg_stats.most_common_elems: the grams in more than about one case in
// 250, with their shares); the planner itself cannot use them for this, as it multiplies
// the grams' shares as if they were independent, and the bigrams of one phrase are not.
//
// - A gram the statistics do not list is rare: at most the smallest listed share.
// - The grams' index is read for the rarest few grams only (any subset of the query's grams
//   still names every case that holds the query, and the ilike decides): reading the
//   index costs in proportion to how many cases each gram read names (all the grams of a
//   case number at a million cases: 60–200 ms; its three rarest: 10–40 ms), not to how few
//   cases hold them all.
// - When even the rarest grams name too many cases, the list is walked: a common word's
//   first page is found within its first few thousand cases.
//
// Pure: the statistics come from case-list.queries.ts.

/** A gram of the query and its share of all cases, or null when the statistics omit it. */
export interface GramShare {
  readonly gram: string;
  readonly share: number | null;
}

export interface GramStatistics {
  /** The query's distinct grams (empty for a single character). */
  readonly grams: readonly GramShare[];
  /** A single character's share: the listed shares of the grams it begins, summed. */
  readonly prefixShare: number | null;
  /** The smallest share listed; null when the column has no statistics yet. */
  readonly listedMin: number | null;
  /** About how many cases there are (the table's estimate). */
  readonly rows: number;
}

export type SearchPlan =
  /** Read the cases holding every one of `grams` (all of them: a prefix for one character). */
  | { readonly by: 'grams'; readonly grams: readonly string[] | 'prefix' }
  /** Walk the list in its order, testing each case. */
  | { readonly by: 'walk' };

/** The rarest grams read: three narrow a case number or a phrase to a few hundred cases. */
export const GRAMS_READ = 3;

/**
 * The plan for a query of `length` characters: `candidates` is the most cases the grams
 * may name for the search to read those (CaseListLimits.gramCandidates); `postings` the most
 * index entries the chosen grams may name in all for the index to be worth reading.
 */
export function planSearch(
  length: number,
  stats: GramStatistics,
  candidates: number,
  postings: number,
): SearchPlan {
  // No statistics yet (a new or small database): the grams, all of them, as always.
  if (stats.listedMin === null) {
    return { by: 'grams', grams: length === 1 ? 'prefix' : stats.grams.map((g) => g.gram) };
  }
  const rare = stats.listedMin;
  if (length === 1) {
    const share = stats.prefixShare ?? rare;
    return share * stats.rows <= candidates ? { by: 'grams', grams: 'prefix' } : { by: 'walk' };
  }
  const rarest = [...stats.grams]
    .map((g) => ({ gram: g.gram, share: g.share ?? rare }))
    .sort((a, b) => a.share - b.share || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0))
    .slice(0, GRAMS_READ);
  if (rarest.length === 0) return { by: 'walk' };
  // The cases holding them all are at most those holding the rarest.
  const atMost = rarest[0]!.share * stats.rows;
  const named = rarest.reduce((sum, g) => sum + g.share, 0) * stats.rows;
  const worthReading = atMost <= candidates || (rarest.length > 1 && named <= postings);
  return worthReading ? { by: 'grams', grams: rarest.map((g) => g.gram) } : { by: 'walk' };
}
