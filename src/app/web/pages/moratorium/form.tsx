import type { ProductList } from '../../../../domain/moratorium/lists.ts';
import { formatShare, ROLLUPS, TARIFF_MEASURES, VALUATIONS, type EstimateOptions } from '../../../../domain/moratorium/options.ts';
import { href, type PageContext } from '../context.ts';

/** The duty design's own fields: its rate, its optional base, and for a group the member it is for. */
export const DESIGN_PARAMS = ['rate', 'base', 'design_country'] as const;

/**
 * The estimate's GET form: the target (countries with imports, then groups), years, list, tariff measure,
 * roll-up, share digitised, valuation, carrier share and elasticity; the design's fields travel hidden.
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
        <p>
          <label>
            {m.years} <input name="years" size={10} value={query.get('years') ?? ''} inputmode="numeric" pattern="\s*\d{0,4}\s*-?\s*\d{0,4}\s*" />
          </label>
        </p>
        <SelectField label={m.list} name="list" choices={lists.map((l) => [l.id, l.name])} selected={options.list} />
        <SelectField label={m.tariff} name="tariff" choices={TARIFF_MEASURES.map((x) => [x, m.tariffs[x]])} selected={options.tariff} />
        <SelectField label={m.rollup} name="rollup" choices={ROLLUPS.map((x) => [x, m.rollups[x]])} selected={options.rollup} />
        <p>
          <label>
            {m.share} <input name="share" size={16} value={formatShare(options.share)} />
          </label>
        </p>
        <SelectField label={m.valuation} name="valuation" choices={VALUATIONS.map((x) => [x, m.valuations[x]])} selected={options.valuation} />
        <p>
          <label>
            {m.carrierShare} <input name="carrier_share" size={6} value={String(options.carrierShare)} inputmode="decimal" />
          </label>
        </p>
        <p>
          <label>
            {m.elasticity} <input name="elasticity" size={6} value={String(options.elasticity)} inputmode="decimal" />
          </label>
        </p>
        {DESIGN_PARAMS.map((name) => (query.get(name) ? <input type="hidden" name={name} value={query.get(name) ?? ''} /> : null))}
        <p>
          <button type="submit">{m.submit}</button>
        </p>
      </fieldset>
    </form>
  );
}

/** A labelled drop-down of the estimate form: values with their labels, one selected. */
function SelectField(props: { label: string; name: string; choices: readonly (readonly [value: string, label: string])[]; selected: string }) {
  return (
    <p>
      <label>
        {props.label}{' '}
        <select name={props.name}>
          {props.choices.map(([value, label]) => (
            <option value={value} selected={value === props.selected}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
