import { GROUP_KINDS } from '../../../domain/group.ts';
import { CATALOGUE, type Topic } from '../../../domain/indicator.ts';
import { pick } from '../../../domain/lang.ts';
import { formatDate, formatNumber } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { QualityMethod } from './quality.tsx';
import { redirect, ruleText } from './common.ts';
import type { IndicatorInfo } from '../../services/reference.ts';

/** Countries by M49 region; the home page's country picker lands here with ?iso3=. */
export async function countriesPage(ctx: PageContext, _params: Record<string, string>, query: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const pickParam = query.get('iso3');
  if (pickParam) return redirect(href(ctx, `/countries/${encodeURIComponent(pickParam.toUpperCase())}`), 302);
  const ref = await obs.ref();
  const byRegion = new Map<string, { name: string; iso3: string }[]>();
  for (const c of ref.countries.values()) {
    const region = c.region?.name ?? '—';
    const list = byRegion.get(region) ?? [];
    list.push({ name: pick(c.names, lang), iso3: c.iso3 });
    byRegion.set(region, list);
  }
  for (const e of ref.economies.values()) {
    const list = byRegion.get('—') ?? [];
    list.push({ name: e.name, iso3: e.code });
    byRegion.set('—', list);
  }
  const regions = [...byRegion].sort(([a], [b]) => a.localeCompare(b));
  return (
    <Layout ctx={ctx} title={t.lists.countriesTitle}>
      <h1>{t.lists.countriesTitle}</h1>
      <div class="cols">
        {regions.map(([region, list]) => (
          <section>
            <h2>{region}</h2>
            <ul class="plain">
              {list
                .sort((a, b) => a.name.localeCompare(b.name, lang))
                .map((c) => (
                  <li>
                    <a href={href(ctx, `/countries/${c.iso3}`)}>{c.name}</a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

/** Groups by kind, with today's member counts; the home page's group picker lands here with ?id=. */
export async function groupsPage(ctx: PageContext, _params: Record<string, string>, query: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const pickParam = query.get('id');
  if (pickParam) return redirect(href(ctx, `/groups/${encodeURIComponent(pickParam.toUpperCase())}`), 302);
  const ref = await obs.ref();
  const today = obs.today();
  return (
    <Layout ctx={ctx} title={t.lists.groupsTitle}>
      <h1>{t.lists.groupsTitle}</h1>
      {GROUP_KINDS.map((kind) => {
        const groups = [...ref.groups.values()].filter((g) => g.kind === kind);
        if (groups.length === 0) return null;
        return (
          <section>
            <h2>{t.groupKinds[kind]}</h2>
            <ul class="plain">
              {groups.map((g) => (
                <li>
                  <a href={href(ctx, `/groups/${g.id}`)}>{pick(g.names, lang)}</a> <span class="muted">({g.id}, {t.group.membersToday(obs.listedMembers(ref, g.id, today).length)})</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

const TOPICS: Topic[] = ['connectivity', 'finance', 'trade', 'economy', 'fiscal', 'population'];

/** Indicators with data, by topic, with their years and source. */
export async function indicatorsPage(ctx: PageContext) {
  const { obs, t, lang } = ctx;
  const ref = await obs.ref();
  const infos = [...ref.indicators.values()];
  const order = new Map(CATALOGUE.map((d, i) => [d.code, i]));
  const sorted = (list: IndicatorInfo[]) => list.sort((a, b) => (order.get(a.def.code) ?? 999) - (order.get(b.def.code) ?? 999) || a.def.code.localeCompare(b.def.code));
  return (
    <Layout ctx={ctx} title={t.lists.indicatorsTitle}>
      <h1>{t.lists.indicatorsTitle}</h1>
      {TOPICS.map((topic) => {
        const list = sorted(infos.filter((i) => i.def.topic === topic));
        if (list.length === 0) return null;
        return (
          <section>
            <h2>{t.topics[topic]}</h2>
            <table>
              <tbody>
                {list.map((i) => (
                  <tr>
                    <th scope="row">
                      <a href={href(ctx, `/indicators/${i.def.code}`)}>{pick(i.def.names, lang)}</a>
                    </th>
                    <td class="muted">{i.def.code}</td>
                    <td class="num">{i.record ? `${i.record.firstYear}–${i.record.lastYear}` : i.def.derived?.formula}</td>
                    <td class="muted">{i.vintages.map((v) => v.source).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}

/** Every vintage: dataset, source, file, hash, dates, licence and row count. */
export async function sourcesPage(ctx: PageContext) {
  const { obs, t, lang } = ctx;
  const ref = await obs.ref();
  const vintages = [...ref.vintages.values()].sort((a, b) => b.id - a.id);
  return (
    <Layout ctx={ctx} title={t.lists.sourcesTitle}>
      <h1>{t.lists.sourcesTitle}</h1>
      <p class="lead">{t.lists.sourcesIntro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.lists.dataset}</th>
            <th scope="col">{t.common.source}</th>
            <th scope="col">{t.common.licence}</th>
            <th scope="col" class="num">
              {t.lists.rows}
            </th>
          </tr>
        </thead>
        <tbody>
          {vintages.map((v) => (
            <tr id={`v${v.id}`}>
              <td>{v.id}</td>
              <td>
                {v.dataset}
                <br />
                <small class="muted">
                  {v.format} · sha256 {v.sha256.slice(0, 12)}… · {t.common.imported} {formatDate(v.importedAt, lang)}
                  {v.publishedAt ? ` · ${t.common.updated} ${formatDate(v.publishedAt, lang)}` : ''}
                </small>
              </td>
              <td>
                {v.sourceUrl ? <a href={v.sourceUrl}>{v.source}</a> : v.source}
                {v.note ? (
                  <>
                    <br />
                    <small class="muted">{v.note}</small>
                  </>
                ) : null}
              </td>
              <td>{v.licence ?? '–'}</td>
              <td class="num">{formatNumber(v.rowCount, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/api/v1/vintages">JSON</a> · <a href={href(ctx, '/quality')}>{t.quality.title}</a>
      </p>
    </Layout>
  );
}

/** The method: where figures come from and how group values are computed. */
export async function aboutPage(ctx: PageContext) {
  const { t, lang, obs } = ctx;
  const ref = await obs.ref();
  return (
    <Layout ctx={ctx} title={t.about.title}>
      <h1>{t.about.title}</h1>
      {t.about.paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      <h2 id="missing-members">{t.imputation.methodTitle}</h2>
      {t.imputation.methodParagraphs.map((p) => (
        <p>{p}</p>
      ))}
      <h2 id="memberships">{t.memberships.methodTitle}</h2>
      {t.memberships.method.map((p) => (
        <p>{p}</p>
      ))}
      <h2>{t.indicator.rule}</h2>
      <table>
        <tbody>
          {CATALOGUE.filter((d) => ref.indicators.has(d.code)).map((d) => (
            <tr>
              <th scope="row">{pick(d.names, lang)}</th>
              <td>
                {ruleText(ctx, ref, d)}
                {d.derived ? ` · ${d.derived.formula}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <QualityMethod ctx={ctx} />
      <h2 id="wb-classification">{t.wbClassification.methodTitle}</h2>
      {t.wbClassification.method.map((p) => (
        <p>{p}</p>
      ))}
      <h2 id="etready-implementation">{t.etreadyMatrix.methodTitle}</h2>
      {t.etreadyMatrix.method.map((p) => (
        <p>{p}</p>
      ))}
    </Layout>
  );
}
