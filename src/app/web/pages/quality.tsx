import { CYBERLAW_AREAS } from '../../../domain/cyberlaw.ts';
import { catalogueEntry, type Unit } from '../../../domain/indicator.ts';
import { pick } from '../../../domain/lang.ts';
import { isQualityRule, QUALITY_RULES, type QualityFlag, type StoredQualityFlag } from '../../../domain/quality.ts';
import { qualityReport } from '../../questions/quality.ts';
import { formatNumber, formatValue } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/** A flag's reason in the page's language. */
export function flagText(ctx: PageContext, f: QualityFlag): string {
  const q = ctx.t.quality;
  const def = catalogueEntry(f.subject);
  const fmt = (n: number | null) => (n === null ? '' : def ? formatValue(n, def, ctx.lang) : formatNumber(n, ctx.lang, 1));
  switch (f.rule) {
    case 'range':
      return f.value !== null && f.limit !== null && f.value < f.limit ? q.rangeBelow(fmt(f.value), fmt(f.limit)) : q.rangeAbove(fmt(f.value), fmt(f.limit));
    case 'jump':
      return q.jumpText(fmt(f.previous), fmt(f.value), f.year ?? 0, fmt(f.limit));
    case 'legislation-without-law':
      return `${q.rules[f.rule]}`;
    default:
      return `${q.rules[f.rule]}: ${q.lawsListed((f.laws ?? []).join('; '))}`;
  }
}

/** Why an indicator's thresholds are what they are, in the page's language. */
export function thresholdWhy(ctx: PageContext, c: { indicator: string; unit: Unit; min: number | null; max: number | null; why: string }): string {
  const q = ctx.t.quality;
  return q.thresholdWhy[c.indicator] ?? q.unitBasis(ctx.t.units[c.unit], c.min, c.max);
}

/** The mark shown beside a flagged figure: a link to the data-quality page, its reasons as title. */
export function FlagMark(props: { ctx: PageContext; flags: readonly QualityFlag[] | undefined }) {
  const { ctx, flags } = props;
  if (!flags?.length) return null;
  const reasons = flags.map((f) => flagText(ctx, f)).join('; ');
  const first = flags[0] as QualityFlag;
  return (
    <a class="flag muted" href={href(ctx, `/quality?country=${first.entity}&subject=${encodeURIComponent(first.subject)}`)} title={`${ctx.t.quality.markTitle}. ${reasons}`}>
      {' '}⚠ {ctx.t.quality.mark}
      <span class="visually-hidden">: {reasons}</span>
    </a>
  );
}

/** The flags of one country's current values, by "subject|year", for its profile. */
export async function countryFlags(ctx: PageContext, iso3: string): Promise<Map<string, StoredQualityFlag[]>> {
  const byKey = new Map<string, StoredQualityFlag[]>();
  for (const f of await ctx.obs.store.qualityFlags({ entity: iso3 })) {
    const key = `${f.subject}|${f.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  return byKey;
}

/** The flags of an indicator's values in its current vintages, by "entity|year", for its page. */
export async function subjectFlags(ctx: PageContext, subject: string, vintageIds: readonly number[]): Promise<Map<string, StoredQualityFlag[]>> {
  const byKey = new Map<string, StoredQualityFlag[]>();
  for (const f of await ctx.obs.store.qualityFlags({ subject, vintageIds })) {
    const key = `${f.entity}|${f.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  return byKey;
}

/** The method's section on data quality and edition dates, with a link to the flags. */
export function QualityMethod(props: { ctx: PageContext }) {
  const { ctx } = props;
  const m = ctx.t.quality.method;
  return (
    <section id="quality">
      <h2>{m.title}</h2>
      {m.paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      <p>
        <a href={href(ctx, '/quality')}>{m.link}</a>
      </p>
    </section>
  );
}

/** /{lang}/quality: the flags of the current vintages by source, with the thresholds, for curators to follow up. */
export async function qualityPage(ctx: PageContext, _params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const q = t.quality;
  const ref = await obs.ref();
  const ruleRaw = search.get('rule') ?? '';
  const rule = isQualityRule(ruleRaw) ? ruleRaw : undefined;
  const country = /^[A-Za-z]{3}$/.test(search.get('country') ?? '') ? (search.get('country') as string).toUpperCase() : undefined;
  const subject = search.get('subject')?.trim() || undefined;
  const report = await qualityReport(obs.store, ref, { ...(rule ? { rule } : {}), ...(country ? { country } : {}), ...(subject ? { subject } : {}) });
  const bySource = new Map<string, typeof report.flags>();
  for (const f of report.flags) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  const subjectName = (s: string) => {
    const info = ref.indicators.get(s);
    if (info) return pick(info.def.names, lang);
    const area = CYBERLAW_AREAS.find((a) => a.id === s);
    return area ? pick(area.names, lang) : s;
  };
  const entity = (iso3: string) => {
    const c = ref.countries.get(iso3);
    return c ? pick(c.names, lang) : (ref.economies.get(iso3)?.name ?? iso3);
  };
  const api = `/api/v1/quality${search.toString() ? `?${search.toString()}` : ''}`;
  return (
    <Layout ctx={ctx} title={q.title} description={q.intro}>
      <h1>{q.title}</h1>
      <p class="lead">{q.intro}</p>
      <form method="get" action={href(ctx, '/quality')}>
        <label>
          {q.rule}{' '}
          <select name="rule">
            <option value="">{q.all}</option>
            {QUALITY_RULES.map((r) => (
              <option value={r} selected={r === rule}>
                {q.rules[r]}
              </option>
            ))}
          </select>
        </label>{' '}
        {country ? <input type="hidden" name="country" value={country} /> : null}
        {subject ? <input type="hidden" name="subject" value={subject} /> : null}
        <button type="submit">{q.filter}</button>
      </form>
      <h2>{q.counts}</h2>
      <ul>
        {QUALITY_RULES.map((r) => (
          <li>
            {q.rules[r]}
            {t.common.colon}
            {formatNumber(report.counts[r], lang)}
          </li>
        ))}
      </ul>
      <h2>{q.bySource}</h2>
      {report.flags.length === 0 ? <p>{q.none}</p> : null}
      {[...bySource].map(([source, flags]) => (
        <section>
          <h3>
            {source} ({formatNumber(flags.length, lang)})
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{q.subject}</th>
                <th scope="col">{t.common.country}</th>
                <th scope="col">{t.common.year}</th>
                <th scope="col">{q.rule}</th>
                <th scope="col">{q.why}</th>
                <th scope="col">#</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr>
                  <td>{subjectName(f.subject)}</td>
                  <td>
                    <a href={href(ctx, `/countries/${f.country}`)}>{entity(f.country)}</a>
                  </td>
                  <td>{f.year ?? '–'}</td>
                  <td>{q.rules[f.rule]}</td>
                  <td>{flagText(ctx, { ...f, entity: f.country, status: f.status ?? undefined } as QualityFlag)}</td>
                  <td>
                    <a href={href(ctx, `/sources#v${f.vintage}`)}>{f.vintage}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p>
        <a href={api}>JSON</a> · <a href={`${api}${api.includes('?') ? '&' : '?'}format=csv`}>CSV</a>
      </p>
      <h2>{q.thresholds}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.common.indicator}</th>
            <th scope="col" class="num">{q.min}</th>
            <th scope="col" class="num">{q.max}</th>
            <th scope="col" class="num">{q.jump}</th>
            <th scope="col">{q.basis}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks
            .filter((c) => ref.indicators.has(c.indicator))
            .map((c) => (
              <tr>
                <th scope="row">{subjectName(c.indicator)}</th>
                <td class="num">{c.min ?? '–'}</td>
                <td class="num">{c.max ?? '–'}</td>
                <td class="num">{c.jump === null ? '–' : `${c.jump} · ×${formatNumber(c.jumpRatio, lang, 1)}`}</td>
                <td>{thresholdWhy(ctx, c)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <QualityMethod ctx={ctx} />
    </Layout>
  );
}
