import { raw } from 'hono/html';
import type { Vintage } from '../../../domain/vintage.ts';
import { CYBERLAW_AREAS, CYBERLAW_STATUSES, type CyberlawEntry, type CyberlawStatus, type Law } from '../../../domain/cyberlaw.ts';
import { isIsoDate, type Group, type IsoDate } from '../../../domain/group.ts';
import { pick, type Lang } from '../../../domain/lang.ts';
import { provenanceOf, type CyberlawProvenance, type GroupCoverage } from '../../services/registry.ts';
import type { Reference } from '../../services/reference.ts';
import { formatDate, formatShare } from '../format.ts';
import { badParameter, HttpError } from '../http-error.ts';
import { messages } from '../i18n/index.ts';
import type { ColorScale } from '../render/scale.ts';
import { redirect } from './common.ts';
import { href, type PageContext } from './context.ts';
import { Layout, SourceLine } from './layout.tsx';
import { entityNames, GroupSelect, worldMapFor } from './widgets.tsx';

/** The groups the pages open on, the first that exists: the communication speaks for the ACP Group. */
const DEFAULT_GROUPS = ['ACP', 'WLD'];
/** The languages the information note is written in. */
const NOTE_LANGS: readonly Lang[] = ['en', 'fr', 'es'];

/**
 * Statuses as map values: one class each, legislation darkest (YlGnBu, which still reads in greyscale);
 * "no data" is left off the map's values so it gets the renderer's hatch.
 */
const MAP_CODES: Record<Exclude<CyberlawStatus, 'no-data'>, number> = { none: 0, draft: 1, legislation: 2 };
const MAP_COLORS = ['#edf8b1', '#7fcdbb', '#2c7fb8'] as const;

function statusScale(labels: readonly string[]): ColorScale {
  const classOf = (value: number) => (value < 0.5 ? 0 : value < 1.5 ? 1 : 2);
  return { colors: MAP_COLORS, breaks: [0.5, 1.5], labels, reversed: false, classOf, colorOf: (v) => MAP_COLORS[classOf(v)] ?? MAP_COLORS[0] };
}

/** The group a page is about: `?group=`, else the first default that exists. */
function chosenGroup(ref: Reference, query: URLSearchParams): Group {
  const raw = query.get('group')?.trim();
  if (raw) {
    const group = ref.groups.get(raw.toUpperCase());
    if (!group) throw new HttpError(404, `no group "${raw}"`);
    return group;
  }
  const group = DEFAULT_GROUPS.map((id) => ref.groups.get(id)).find((g) => g !== undefined);
  if (!group) throw new HttpError(404, 'no group to show');
  return group;
}

/** `?date=`: the date statuses are read on, today when empty. */
function chosenDate(ctx: PageContext, query: URLSearchParams): IsoDate {
  const raw = query.get('date')?.trim();
  if (!raw) return ctx.obs.today();
  if (!isIsoDate(raw)) throw badParameter('date', `expected a date as YYYY-MM-DD, got "${raw}"`);
  return raw;
}

function vintagesOf(ref: Reference, provenance: CyberlawProvenance): Vintage[] {
  return provenance.vintageIds.flatMap((id) => {
    const v = ref.vintages.get(id);
    return v ? [v] : [];
  });
}

/** The group's members counted in a coverage, in the order of their names in the page's language. */
function membersByName(coverage: GroupCoverage, names: ReadonlyMap<string, string>, lang: Lang): string[] {
  const first = coverage.areas[0];
  const members = first ? CYBERLAW_STATUSES.flatMap((s) => first.members[s]) : [];
  return members.sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, lang));
}

const areaName = (id: string, lang: Lang) => pick(CYBERLAW_AREAS.find((a) => a.id === id)?.names ?? { en: id }, lang);

/** A query string for the cyberlaw pages that keeps the group, the date and the area chosen. */
function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Where the statuses come from, under each figure: the tracker vintages, and any reviewed submissions. */
function Sources(props: { ctx: PageContext; ref: Reference; provenance: CyberlawProvenance }) {
  const { ctx, ref, provenance } = props;
  const vintages = vintagesOf(ref, provenance);
  const note = provenance.otherSources.length ? provenance.otherSources.join('; ') : undefined;
  if (vintages.length === 0) {
    return note ? (
      <p class="source">
        {ctx.t.common.sources}
        {ctx.t.common.colon}
        {note}
      </p>
    ) : null;
  }
  return <SourceLine ctx={ctx} vintages={vintages} {...(note ? { note } : {})} />;
}

/** The per-area counts of a group's members by status, with the share with legislation. */
function CoverageTable(props: { ctx: PageContext; ref: Reference; group: Group; coverage: GroupCoverage; date: IsoDate }) {
  const { ctx, ref, group, coverage, date } = props;
  const t = ctx.t;
  const c = t.cyberlaw;
  return (
    <>
      <table class="cyberlaw-coverage">
        <caption>{c.coverageCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.area}</th>
            {CYBERLAW_STATUSES.map((s) => (
              <th scope="col" class="num">
                {c.statuses[s]}
              </th>
            ))}
            <th scope="col" class="num">
              {c.shareWithLegislation}
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.areas.map((a) => (
            <tr data-area={a.area}>
              <th scope="row">{areaName(a.area, ctx.lang)}</th>
              {CYBERLAW_STATUSES.map((s) => (
                <td class="num" data-status={s}>
                  {a.counts[s]}
                </td>
              ))}
              <td class="num">{a.shareWithLegislation === null ? '–' : formatShare(a.shareWithLegislation, ctx.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sources ctx={ctx} ref={ref} provenance={coverage.provenance} />
      <p>
        <a href={`/api/v1/cyberlaw/coverage?group=${group.id}&date=${date}&format=csv`}>{c.downloadCoverage}</a> ·{' '}
        <a href={`/api/v1/cyberlaw/coverage?group=${group.id}&date=${date}`}>{t.common.downloadJson}</a>
      </p>
    </>
  );
}

/** `/{lang}/cyberlaw`: coverage of a group per area, a world map of one area, and the country × area table. */
export async function cyberlawPage(ctx: PageContext, _params: Record<string, string>, search: URLSearchParams) {
  const { obs, services, t, lang } = ctx;
  const c = t.cyberlaw;
  const ref = await obs.ref();
  const group = chosenGroup(ref, search);
  const date = chosenDate(ctx, search);
  const areaId = search.get('area')?.trim() || CYBERLAW_AREAS[0]?.id || '';
  const area = CYBERLAW_AREAS.find((a) => a.id === areaId);
  if (!area) throw badParameter('area', `expected one of ${CYBERLAW_AREAS.map((a) => a.id).join(', ')}, got "${areaId}"`);
  const { registry } = services;
  const coverage = await registry.coverage(group.id, date);
  const statuses = await registry.statuses(date);
  const names = entityNames(ref, lang);
  const groupName = pick(group.names, lang);
  const when = formatDate(date, lang);
  const dateParam = search.get('date')?.trim() ? date : undefined;

  // The map shows every country's status; the group's members are outlined.
  const values = new Map<string, number>();
  const worldCounts: Record<CyberlawStatus, number> = { legislation: 0, draft: 0, none: 0, 'no-data': 0 };
  const mapEntries: CyberlawEntry[] = [];
  for (const iso3 of ref.countries.keys()) {
    const entry = statuses.get(iso3)?.get(area.id);
    const status = entry?.status ?? 'no-data';
    worldCounts[status]++;
    if (entry) mapEntries.push(entry);
    if (status !== 'no-data') values.set(iso3, MAP_CODES[status]);
  }
  const members = membersByName(coverage, names, lang);
  const labels = [c.statuses.none, c.statuses.draft, c.statuses.legislation];
  const counts = CYBERLAW_STATUSES.map((s) => `${c.statuses[s]} ${worldCounts[s]}`).join(', ');
  const text = `${c.mapText(counts)} ${group.kind === 'world' ? '' : c.mapHighlight(groupName)}`.trim();
  const title = c.mapTitle(pick(area.names, lang), when);
  const svg = worldMapFor(ref).render({
    values,
    scale: statusScale(labels),
    formatValue: (n) => labels[Math.round(n)] ?? '',
    title,
    description: text,
    labels: names,
    noDataLabel: c.statuses['no-data'],
    linkHref: (iso3) => href(ctx, `/countries/${iso3}`),
    legendTitle: pick(area.names, lang),
    ...(group.kind === 'world' ? {} : { highlight: new Set(members) }),
  });
  const groups = [...ref.groups.values()].sort((a, b) => pick(a.names, lang).localeCompare(pick(b.names, lang), lang));

  return (
    <Layout ctx={ctx} title={c.title} description={c.intro}>
      <h1>{c.title}</h1>
      <p class="lead">{c.intro}</p>
      <form class="inline" method="get" action={href(ctx, '/cyberlaw')}>
        <GroupSelect label={t.common.group} groups={groups} selected={group.id} lang={lang} />
        <label>
          {c.date}
          <input type="date" name="date" value={dateParam ?? ''} />
        </label>
        <input type="hidden" name="area" value={area.id} />
        <button type="submit">{c.show}</button>
      </form>

      <h2>{c.coverageTitle(groupName, when)}</h2>
      <CoverageTable ctx={ctx} ref={ref} group={group} coverage={coverage} date={date} />
      <p>
        <a href={href(ctx, `/cyberlaw/note${query({ group: group.id })}`)}>{c.noteLink}</a>
      </p>

      <h2 id="map">{c.mapsTitle}</h2>
      <ul class="tabs">
        {CYBERLAW_AREAS.map((a) => (
          <li>
            <a href={href(ctx, `/cyberlaw${query({ group: group.id, date: dateParam, area: a.id })}#map`)} aria-current={a.id === area.id ? 'true' : undefined}>
              {pick(a.names, lang)}
            </a>
          </li>
        ))}
      </ul>
      <figure class="map">
        {raw(svg)}
        <figcaption>{text}</figcaption>
      </figure>
      <Sources ctx={ctx} ref={ref} provenance={provenanceOf(mapEntries)} />

      <h2>{c.tableTitle(groupName)}</h2>
      <div class="wide">
        <table class="cyberlaw-table">
          <thead>
            <tr>
              <th scope="col">{t.common.country}</th>
              {CYBERLAW_AREAS.map((a) => (
                <th scope="col">{pick(a.names, lang)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((iso3) => (
              <tr data-iso3={iso3}>
                <th scope="row">
                  <a href={href(ctx, `/countries/${iso3}#cyberlaw`)}>{names.get(iso3) ?? iso3}</a>
                </th>
                {CYBERLAW_AREAS.map((a) => {
                  const s = statuses.get(iso3)?.get(a.id)?.status ?? 'no-data';
                  return <td class={`cl-${s}`}>{c.statuses[s]}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Sources ctx={ctx} ref={ref} provenance={coverage.provenance} />
    </Layout>
  );
}

/** A law as a list item: its title linked to its text, and its year when the title does not say it. */
function LawItem(props: { law: Law }) {
  const { law } = props;
  const year = law.year !== null && !law.title.includes(String(law.year)) ? ` (${law.year})` : '';
  return (
    <li>
      {law.url ? <a href={law.url}>{law.title}</a> : law.title}
      {year}
    </li>
  );
}

/** The cyberlaw section of a country's profile: the status in each area with its date, source and laws. */
export async function CountryCyberlaw(props: { ctx: PageContext; iso3: string }) {
  const { ctx, iso3 } = props;
  const c = ctx.t.cyberlaw;
  const ref = await ctx.obs.ref();
  if (!ref.countries.has(iso3)) return null;
  const record = await ctx.services.registry.country(iso3);
  const current = record.areas.flatMap((a) => (a.current ? [a.current] : []));
  return (
    <section id="cyberlaw">
      <h2>{c.countryTitle}</h2>
      {current.length === 0 ? (
        <p>{c.noEntries}</p>
      ) : (
        <>
          <p class="muted">{c.countryIntro}</p>
          <table class="cyberlaw-country">
            <thead>
              <tr>
                <th scope="col">{c.area}</th>
                <th scope="col">{c.note.status}</th>
                <th scope="col">{ctx.t.common.source}</th>
                <th scope="col">{c.laws}</th>
              </tr>
            </thead>
            <tbody>
              {record.areas.map((a) => {
                const e = a.current;
                const status = e?.status ?? 'no-data';
                const earlier = a.history.length - (e ? 1 : 0);
                return (
                  <tr data-area={a.area}>
                    <th scope="row">
                      <a href={href(ctx, `/cyberlaw${query({ area: a.area })}#map`)}>{areaName(a.area, ctx.lang)}</a>
                    </th>
                    <td class={`cl-${status}`}>
                      {c.statuses[status]}
                      {e ? (
                        <>
                          <br />
                          <small>
                            {c.asOf} {formatDate(e.asOf, ctx.lang)}
                          </small>
                        </>
                      ) : null}
                      {earlier > 0 ? (
                        <>
                          <br />
                          <small class="muted">{c.history(earlier)}</small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <small>
                        {e ? e.source : '–'}
                        {e?.vintageId != null ? (
                          <>
                            {' '}
                            (<a href={href(ctx, `/sources#v${e.vintageId}`)}>
                              {ctx.t.common.vintage} {e.vintageId}
                            </a>
                            )
                          </>
                        ) : null}
                      </small>
                    </td>
                    <td>
                      {e && e.laws.length ? (
                        <ul class="laws">
                          {e.laws.map((law) => (
                            <LawItem law={law} />
                          ))}
                        </ul>
                      ) : (
                        <span class="muted">{c.noLaws}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Sources ctx={ctx} ref={ref} provenance={provenanceOf(current)} />
        </>
      )}
      <p>
        <a href={`/api/v1/cyberlaw/countries/${iso3}?format=csv`}>{c.downloadCountry}</a> · <a href={`/api/v1/cyberlaw/countries/${iso3}`}>{ctx.t.common.downloadJson}</a>
      </p>
    </section>
  );
}

/**
 * `/{lang}/cyberlaw/note?group=`: the secretariat's information note (WT/GC/W/916 §3.1, §3.8), generated from
 * the registry: per member, every law behind its current statuses, with links, grouped by area. In English,
 * French and Spanish; the stylesheet's print rules make it print as a document.
 */
export async function cyberlawNotePage(ctx: PageContext, _params: Record<string, string>, search: URLSearchParams) {
  const { obs, services, lang } = ctx;
  // The note is written in English, French and Spanish; readers of other languages get the English one.
  if (!NOTE_LANGS.includes(lang)) return redirect(`/en/cyberlaw/note${query({ group: search.get('group')?.trim() })}`, 302);
  const t = messages(lang);
  const c = t.cyberlaw;
  const ref = await obs.ref();
  const group = chosenGroup(ref, search);
  const date = obs.today();
  const { registry } = services;
  const coverage = await registry.coverage(group.id, date);
  const statuses = await registry.statuses(date);
  const names = entityNames(ref, lang);
  const groupName = pick(group.names, lang);
  const members = membersByName(coverage, names, lang);
  const when = formatDate(date, lang);
  const title = c.note.title(groupName);

  return (
    <Layout ctx={ctx} title={title} description={c.note.mandate}>
      <article class="note">
        <h1>{title}</h1>
        <p class="lead">{c.note.intro(groupName, when, members.length)}</p>
        <p>{c.note.mandate}</p>
        <p class="no-print muted">
          {c.note.print} {c.note.otherLanguages}
          {t.common.colon}
          {NOTE_LANGS.filter((l) => l !== lang).map((l, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`/${l}/cyberlaw/note${query({ group: group.id })}`} hreflang={l} lang={l}>
                {messages(l).languageName}
              </a>
            </>
          ))}
        </p>

        <h2>{c.note.summary}</h2>
        <CoverageTable ctx={ctx} ref={ref} group={group} coverage={coverage} date={date} />

        <h2>{c.note.contents}</h2>
        <p class="note-contents">
          {members.map((iso3, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={`#c-${iso3}`}>{names.get(iso3) ?? iso3}</a>
            </>
          ))}
        </p>

        {members.map((iso3) => {
          const byArea = statuses.get(iso3);
          return (
            <section class="note-country" id={`c-${iso3}`}>
              <h2>{names.get(iso3) ?? iso3}</h2>
              <dl>
                {CYBERLAW_AREAS.map((a) => {
                  const e = byArea?.get(a.id);
                  const status = e?.status ?? 'no-data';
                  return (
                    <>
                      <dt>
                        {pick(a.names, lang)}
                        {t.common.colon}
                        <span class={`cl-${status}`}>{c.statuses[status]}</span>
                        {e ? ` (${c.asOf} ${formatDate(e.asOf, lang)})` : ''}
                      </dt>
                      <dd>
                        {e && e.laws.length ? (
                          <ul class="laws">
                            {e.laws.map((law) => (
                              <LawItem law={law} />
                            ))}
                          </ul>
                        ) : (
                          <span class="muted">{c.note.noLaw}</span>
                        )}
                      </dd>
                    </>
                  );
                })}
              </dl>
            </section>
          );
        })}
        <Sources ctx={ctx} ref={ref} provenance={coverage.provenance} />
      </article>
    </Layout>
  );
}
