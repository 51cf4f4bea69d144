import type { ProductList } from '../../../../domain/moratorium/lists.ts';
import type { EstimateOptions } from '../../../../domain/moratorium/options.ts';
import { ESTIMATE_OPTIONS } from '../../../questions/moratorium-params.ts';
import { ParamField } from '../param-field.tsx';
import { href, type PageContext } from '../context.ts';

const { years, list, tariff, rollup, share, valuation, carrier_share, elasticity, share_currency, vat_base } = ESTIMATE_OPTIONS;

/** The duty design's own fields: its rate, its optional base, and for a group the member it is for. */
export const DESIGN_PARAMS = ['rate', 'base', 'design_country'] as const;

/**
 * The estimate's GET form: the target (countries with imports, then groups), then a field per parameter of
 * the estimate (src/app/questions/moratorium-params.ts), labelled from the catalogue; the design's fields travel hidden.
 */
export function EstimateForm(props: {
  ctx: PageContext;
  query: URLSearchParams;
  options: EstimateOptions;
  lists: readonly ProductList[];
  countryOptions: readonly { iso3: string; name: string }[];
  groups: readonly { id: string; name: string }[];
  selected: string;
}) {
  const { ctx, query, options, lists, countryOptions, groups, selected } = props;
  const m = ctx.t.moratorium;
  return (
    <form method="get" action={href(ctx, '/moratorium')} class="estimate">
      <fieldset>
        <legend>{m.formTitle}</legend>
        <p>
          <label>
            {m.target}{' '}
            <select name="target">
              <optgroup label={m.targetCountries}>
                {countryOptions.map((c) => (
                  <option value={`country:${c.iso3}`} selected={selected === `country:${c.iso3}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={m.targetGroups}>
                {groups.map((g) => (
                  <option value={`group:${g.id}`} selected={selected === `group:${g.id}`}>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
        </p>
        <ParamField t={ctx.t} param={years} value={query.get('years') ?? ''} />
        <ParamField t={ctx.t} param={list} value={options.list} choices={lists.map((l) => [l.id, l.name])} />
        <ParamField t={ctx.t} param={tariff} value={options.tariff} />
        <ParamField t={ctx.t} param={rollup} value={options.rollup} />
        <ParamField t={ctx.t} param={share} value={share.write(options.share)} />
        <ParamField t={ctx.t} param={valuation} value={options.valuation} />
        <ParamField t={ctx.t} param={carrier_share} value={carrier_share.write(options.carrierShare)} />
        <ParamField t={ctx.t} param={elasticity} value={elasticity.write(options.elasticity)} />
        <ParamField t={ctx.t} param={share_currency} value={options.shareCurrency} />
        <ParamField t={ctx.t} param={vat_base} value={options.vatBase} />
        {DESIGN_PARAMS.map((name) => (query.get(name) ? <input type="hidden" name={name} value={query.get(name) ?? ''} /> : null))}
        <p>
          <button type="submit">{m.submit}</button>
        </p>
      </fieldset>
    </form>
  );
}
