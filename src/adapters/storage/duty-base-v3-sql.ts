// The duty base as migration 3 created it (HS6 cells, simple and import-weighted roll-ups only), kept unchanged so
// that the migrations replay as they ran; the current query is DUTY_BASE_QUERY in moratorium-sql.ts.

/** Rows of the datasets' latest vintages: what the estimator reads. */
const CURRENT = `(SELECT MAX(id) FROM vintage GROUP BY dataset)`;

/**
 * The duty base: current imports summed per year, reporter, partner and HS6 line, each with the rates the
 * estimator may use, so that an estimate is one scan. Rates are rolled up from national lines to HS6
 * (simple average, and average weighted by the reporter's imports of each national line); the tariff year
 * is the latest not after the imports' year, else the earliest after it; the effectively applied rate is
 * the lowest of MFN and the preferences the partner is entitled to in the imports' year. Preferences are
 * searched only for the (reporter, partner, line) combinations that occur in the imports. The same
 * method, stated in TypeScript, is domain/moratorium/estimate.ts.
 */
export const DUTY_BASE_V3_QUERY = `
WITH flow AS (
  SELECT year, reporter, partner, line, hs6, edition, value_usd FROM trade_flow WHERE vintage_id IN ${CURRENT}
),
tl AS (
  -- Schedules of reporters without imports are never used; leaving them out keeps PostgreSQL's joins small
  -- when a customs union's schedule is stored for each of its members.
  SELECT year, reporter, line, hs6, edition, regime, scheme, rate FROM tariff_line
  WHERE vintage_id IN ${CURRENT} AND reporter IN (SELECT DISTINCT reporter FROM flow)
),
weight AS (
  SELECT reporter, line, SUM(value_usd) AS w FROM flow GROUP BY reporter, line
),
rates AS (
  SELECT tl.year, tl.reporter, tl.edition, tl.hs6, tl.regime, tl.scheme,
         AVG(tl.rate) AS rate_s,
         CASE WHEN SUM(COALESCE(weight.w, 0)) > 0 THEN SUM(tl.rate * COALESCE(weight.w, 0)) / SUM(COALESCE(weight.w, 0))
              ELSE AVG(tl.rate) END AS rate_w
  FROM tl LEFT JOIN weight ON weight.reporter = tl.reporter AND weight.line = tl.line
  WHERE tl.rate IS NOT NULL
  GROUP BY tl.year, tl.reporter, tl.edition, tl.hs6, tl.regime, tl.scheme
),
schedule AS (
  SELECT DISTINCT reporter, CASE WHEN regime = 'bound' THEN 'bound' ELSE 'mfn' END AS kind, year
  FROM tl WHERE regime <> 'pref'
),
flow_year AS (SELECT DISTINCT reporter, year FROM flow),
pick AS (
  SELECT fy.reporter, fy.year, s.kind,
         COALESCE(MAX(s.year) FILTER (WHERE s.year <= fy.year), MIN(s.year) FILTER (WHERE s.year > fy.year)) AS tariff_year
  FROM flow_year fy JOIN schedule s ON s.reporter = fy.reporter
  GROUP BY fy.reporter, fy.year, s.kind
),
member AS (
  SELECT scheme, partner, year_from, year_to FROM scheme_member WHERE vintage_id IN ${CURRENT}
),
cell AS (
  SELECT year, reporter, partner, edition, hs6, SUM(value_usd) AS value_usd
  FROM flow GROUP BY year, reporter, partner, edition, hs6
),
best_pref AS (
  SELECT c.year, c.reporter, c.partner, c.edition, c.hs6, MIN(p.rate_s) AS pref_s, MIN(p.rate_w) AS pref_w
  FROM cell c
  JOIN pick pk ON pk.reporter = c.reporter AND pk.year = c.year AND pk.kind = 'mfn'
  JOIN rates p ON p.regime = 'pref' AND p.year = pk.tariff_year AND p.reporter = c.reporter AND p.edition = c.edition AND p.hs6 = c.hs6
  JOIN member m ON m.scheme = p.scheme AND m.partner = c.partner
                AND (m.year_from IS NULL OR m.year_from <= c.year) AND (m.year_to IS NULL OR c.year <= m.year_to)
  GROUP BY c.year, c.reporter, c.partner, c.edition, c.hs6
)
SELECT c.year, c.reporter, c.partner, c.edition, c.hs6, c.value_usd,
       pb.tariff_year AS bound_year, b.rate_s AS bound_s, b.rate_w AS bound_w,
       pm.tariff_year AS mfn_year, m.rate_s AS mfn_s, m.rate_w AS mfn_w,
       CASE WHEN bp.pref_s IS NULL THEN m.rate_s WHEN m.rate_s IS NULL OR bp.pref_s < m.rate_s THEN bp.pref_s ELSE m.rate_s END AS applied_s,
       CASE WHEN bp.pref_w IS NULL THEN m.rate_w WHEN m.rate_w IS NULL OR bp.pref_w < m.rate_w THEN bp.pref_w ELSE m.rate_w END AS applied_w
FROM cell c
LEFT JOIN pick pb ON pb.reporter = c.reporter AND pb.year = c.year AND pb.kind = 'bound'
LEFT JOIN rates b ON b.regime = 'bound' AND b.scheme = '' AND b.year = pb.tariff_year AND b.reporter = c.reporter AND b.edition = c.edition AND b.hs6 = c.hs6
LEFT JOIN pick pm ON pm.reporter = c.reporter AND pm.year = c.year AND pm.kind = 'mfn'
LEFT JOIN rates m ON m.regime = 'mfn' AND m.scheme = '' AND m.year = pm.tariff_year AND m.reporter = c.reporter AND m.edition = c.edition AND m.hs6 = c.hs6
LEFT JOIN best_pref bp ON bp.year = c.year AND bp.reporter = c.reporter AND bp.partner = c.partner AND bp.edition = c.edition AND bp.hs6 = c.hs6
`;
