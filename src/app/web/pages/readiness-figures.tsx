import { raw } from 'hono/html';
import type { ReadinessAnswer } from '../../services/readiness.ts';
import type { Reference } from '../../services/reference.ts';
import { formatNumber } from '../format.ts';
import { renderLineChart } from '../render/chart.ts';
import type { PageContext } from './context.ts';
import { IndicatorMap } from './widgets.tsx';

/** Scores are on 0–100, higher is better, shown to one decimal. */
const SCORE = { unit: 'index', decimals: 1, higherIsBetter: true } as const;

/** The method page's figures: a map of the scores and a bar per component (its mean normalised value over the economies scored). */
export function ReadinessFigures(props: { ctx: PageContext; ref: Reference; answer: ReadinessAnswer }) {
  const { ctx, ref, answer: a } = props;
  const { t, lang } = ctx;
  const v = t.readinessViews;
  const scored = a.rows.filter((r) => r.score !== null);
  if (scored.length === 0) return null;
  const scores = new Map(scored.map((r) => [r.iso3, r.score as number]));
  const fmt = (n: number) => formatNumber(n, lang, 1);
  const means = a.method.components.map((c, i) => {
    const values = scored.flatMap((r) => {
      const s = r.components[i]?.score;
      return s === null || s === undefined ? [] : [s];
    });
    return { id: c.id, label: (a.method.authorship ? undefined : t.readiness.components[c.id]) ?? c.name, mean: values.length ? values.reduce((x, y) => x + y, 0) / values.length : null };
  });
  const shown = means.filter((m): m is typeof m & { mean: number } => m.mean !== null);
  const caption = v.chartCaption(shown.map((m) => `${m.label} ${fmt(m.mean)}`).join(', '), scored.length);
  const title = v.chartTitle(a.method.name, a.year);
  const svg = renderLineChart({
    series: shown.map((m) => ({ key: m.id, label: m.label, points: [{ year: a.year, value: m.mean }] })),
    title,
    description: caption,
    yLabel: t.units.index,
    formatValue: fmt,
  });
  return (
    <>
      <IndicatorMap ctx={ctx} ref={ref} def={SCORE} title={v.mapTitle(a.method.name, a.year)} values={scores} />
      <figure class="chart">
        {raw(svg)}
        <figcaption>{caption}</figcaption>
      </figure>
      <p class="muted">{v.chartNote}</p>
    </>
  );
}
