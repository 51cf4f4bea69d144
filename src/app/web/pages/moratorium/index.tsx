import { pick } from '../../../../domain/lang.ts';
import { NotFoundError, ParameterError } from '../../../../domain/errors.ts';
import type { EstimateResult, EstimateTarget, MoratoriumReport } from '../../../services/moratorium-results.ts';
import { base, ESTIMATE_OPTIONS, estimateOptions, estimateQuery, estimateTarget, rate } from '../../../questions/moratorium-params.ts';
import { badParameter } from '../../../questions/params.ts';
import { located, parseParams } from '../../../questions/question.ts';
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';
import { entityNames } from '../widgets.tsx';
import type { DesignInput, DesignState } from './design.tsx';
import { Estimate } from './estimate.tsx';
import { ListsMethod } from './flags.tsx';
import { DESIGN_PARAMS, EstimateForm } from './form.tsx';

/** The page's own parameters: the form's one target select (or the API's country and group), the estimate's options and the design's fields. */
const PAGE_PARAMS: readonly string[] = ['target', 'country', 'group', ...Object.values(ESTIMATE_OPTIONS).map((p) => p.name), ...DESIGN_PARAMS];
/**
 * The duty the design section opens on, percent: a round figure in the range of the MFN rates on the
 * listed lines, for the reader to change; not a recommendation.
 */
const DEFAULT_DUTY_PCT = 10;
/** The country the page opens on when it has imports: an LDC with a full bilateral series in the shared data. */
const PREFERRED_DEFAULT = 'NPL';

/**
 * Reads the page's query: `target=country:NPL` or `target=group:LDC` (the form's one select), or the API's
 * own `country=` / `group=`, so that an API query pasted after /moratorium opens the same estimate.
 */
function targetQuery(query: URLSearchParams): { country?: string; group?: string } | null {
  for (const name of new Set(query.keys())) {
    if (!PAGE_PARAMS.includes(name)) throw badParameter(name, `unknown parameter; accepted: ${PAGE_PARAMS.join(', ')}`);
    if (query.getAll(name).length > 1) throw badParameter(name, 'given more than once');
  }
  const target = query.get('target') ?? '';
  const country = query.get('country') ?? '';
  const group = query.get('group') ?? '';
  if (target !== '') {
    if (country !== '' || group !== '') throw badParameter('target', 'give target, or country or group, not both');
    const m = /^(country|group):([A-Za-z0-9_-]{2,32})$/.exec(target);
    if (!m?.[1] || !m[2]) throw badParameter('target', `expected "country:" or "group:" and a code, such as country:NPL or group:LDC, got "${target}"`);
    return m[1] === 'country' ? { country: m[2] } : { group: m[2] };
  }
  if (country === '' && group === '') return null;
  return { ...(country !== '' ? { country } : {}), ...(group !== '' ? { group } : {}) };
}

/**
 * The moratorium estimator: a GET form, the estimate per year, chart, map, lines, sensitivity, method and
 * downloads. A refused value is shown above the form, which opens again on the defaults (status 400): the
 * message is the one the API and the CLI give for the same value.
 */
export async function moratoriumPage(ctx: PageContext, _params: Record<string, string>, query: URLSearchParams) {
  try {
    return await estimatePage(ctx, query);
  } catch (error) {
    if (!(error instanceof ParameterError) || query.size === 0) throw error;
    const body = await estimatePage(ctx, new URLSearchParams(), error);
    return new Response(`<!doctype html>${String(body)}`, { status: 400, headers: { 'content-type': 'text/html; charset=UTF-8', 'content-language': ctx.lang } });
  }
}

async function estimatePage(ctx: PageContext, query: URLSearchParams, refused?: ParameterError) {
  const { obs, t, lang } = ctx;
  const m = t.moratorium;
  const service = ctx.services.moratorium;
  const ref = await obs.ref();
  const names = entityNames(ref, lang);
  let asked = targetQuery(query);
  const options = estimateOptions(parseParams(ESTIMATE_OPTIONS, query, { ref, today: obs.today() }));
  const coverage = await service.coverage();
  const reporters = [...new Set(coverage.map((c) => c.reporter))];
  if (!asked) {
    const first = reporters.includes(PREFERRED_DEFAULT) ? PREFERRED_DEFAULT : reporters[0];
    asked = first ? { country: first } : null;
  }
  const lists = await service.lists();
  const target = asked ? located(() => estimateTarget({ country: asked.country, group: asked.group }, ref)) : null;
  // One read of the duty base serves the estimate, its sensitivity, VAT and the duty design.
  const report = target ? await service.report(target, options) : null;
  const result = report?.result ?? null;
  const sensitivity = report?.sensitivity ?? null;
  const vat = report?.vat ?? null;
  const designInput = target && result ? readDesignInput(query, target, result, names) : null;
  const design = report && designInput ? await designState(report, designInput) : null;

  const countryOptions = [...new Set([...reporters, ...(target?.kind === 'country' ? [target.id] : [])])]
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const groups = [...ref.groups.values()].map((g) => ({ id: g.id, name: pick(g.names, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const selected = target ? `${target.kind}:${target.id}` : '';
  const targetName = result ? (result.target.kind === 'country' ? (names.get(result.target.id) ?? result.target.name) : (groups.find((g) => g.id === result.target.id)?.name ?? result.target.name)) : '';
  const apiQuery = target ? new URLSearchParams(estimateQuery(target, options)).toString() : '';

  return (
    <Layout ctx={ctx} title={m.title} description={m.intro}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      {refused ? (
        <p class="notice" role="alert" id="refused">
          {refused.message}
        </p>
      ) : null}
      <EstimateForm ctx={ctx} query={query} options={options} lists={lists} countryOptions={countryOptions} groups={groups} selected={selected} />
      {result && sensitivity ? (
        <Estimate
          ctx={ctx}
          ref={ref}
          names={names}
          result={result}
          sensitivity={sensitivity}
          name={targetName}
          apiQuery={apiQuery}
          vat={vat ?? []}
          design={design && designInput ? { state: design, input: designInput, hidden: [['target', selected], ...estimateQuery(result.target, options).slice(1)] } : null}
        />
      ) : (
        <p class="notice">{m.noTrade}</p>
      )}
      <h2 id="method">{m.methodTitle}</h2>
      {m.method.map((p) => (
        <p>{p}</p>
      ))}
      <ListsMethod ctx={ctx} />
      {ctx.t.moratoriumShares.method.map((p) => (
        <p>{p}</p>
      ))}
      {ctx.t.moratoriumSchedules.method.map((p) => (
        <p>{p}</p>
      ))}
      {ctx.t.moratoriumVatRates.method.map((p) => (
        <p>{p}</p>
      ))}
    </Layout>
  );
}

/**
 * The design's fields from the page's query: the rate (the default when empty), the base as typed, and for
 * a group the member chosen. A `design_country` is ignored for a country target, so that switching the
 * main form from a group to a country keeps working; for a group it must be one of its members.
 */
function readDesignInput(query: URLSearchParams, target: EstimateTarget, result: EstimateResult, names: ReadonlyMap<string, string>): DesignInput {
  const ratePct = located(() => rate.parse(query.get('rate') || String(DEFAULT_DUTY_PCT)));
  located(() => base.parse(query.get('base') ?? ''));
  const baseText = query.get('base') ?? '';
  if (target.kind === 'country') return { ratePct, baseText, country: target.id, members: [] };
  const members = [...new Set([...result.rows.map((r) => r.reporter), ...result.noData])]
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const country = (query.get('design_country') ?? '').trim().toUpperCase();
  if (country !== '' && !members.some((x) => x.iso3 === country)) {
    throw badParameter('design_country', `"${country}" is not a member of ${target.id} in the estimate`);
  }
  return { ratePct, baseText, country, members };
}

async function designState(report: MoratoriumReport, input: DesignInput): Promise<DesignState> {
  if (input.country === '') return { kind: 'ask country' };
  const baseUsd = located(() => base.parse(input.baseText));
  try {
    return { kind: 'design', design: await report.design(input.country, input.ratePct, baseUsd) };
  } catch (error) {
    // A country without imports of the listed lines can still be simulated on a value the reader gives.
    if (error instanceof NotFoundError && baseUsd === undefined) return { kind: 'no base', iso3: input.country };
    throw error;
  }
}

