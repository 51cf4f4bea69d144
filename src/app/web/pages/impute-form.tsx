import { DEFAULT_IMPUTE_OPTIONS, type ImputeOptions } from '../../../domain/imputation.ts';
import { impute, imputeOptions, imputeYears } from '../../questions/impute-params.ts';
import { parseParams, type ParseContext } from '../../questions/question.ts';
import type { PageContext } from './context.ts';
import { ParamField } from './param-field.tsx';

/** The aggregate question's parameters that the group and indicator pages' forms offer. */
export const IMPUTE_PARAMS = { impute, impute_years: imputeYears };

/** The names a page with the imputation's fields accepts in its query. */
export const IMPUTE_NAMES = Object.values(IMPUTE_PARAMS).map((p) => p.name);

/**
 * The imputation a page's query asks for, read by the question's own parsers (a bad value is the API's
 * refusal). A form sends every field: impute_years is read only when impute=carry-forward is chosen.
 * @example pageImpute(new URLSearchParams('impute=carry-forward&impute_years=3'), parseCtx) // { method: 'carry-forward', years: 3 }
 */
export function pageImpute(query: URLSearchParams, ctx: ParseContext): ImputeOptions {
  const asked = new URLSearchParams(query);
  if (asked.get(impute.name)?.trim() !== 'carry-forward') asked.delete(imputeYears.name);
  const values = parseParams(IMPUTE_PARAMS, asked, ctx);
  return imputeOptions(values.impute, values.impute_years);
}

/** The query text that asks for an imputation ("" for the default), for links to the API and other pages. */
export function imputeQuery(options: ImputeOptions): string {
  if (options.method === DEFAULT_IMPUTE_OPTIONS.method) return '';
  return new URLSearchParams({ [impute.name]: options.method, [imputeYears.name]: String(options.years) }).toString();
}

/** Appends an imputation's query to a link. */
export function withImpute(link: string, options: ImputeOptions): string {
  const q = imputeQuery(options);
  return q ? `${link}${link.includes('?') ? '&' : '?'}${q}` : link;
}

/** The form's fields of the imputation, drawn from the question's parameters. */
export function ImputeFields(props: { ctx: PageContext; options: ImputeOptions }) {
  const { ctx, options } = props;
  return (
    <>
      <ParamField t={ctx.t} param={impute} value={options.method} />
      <ParamField t={ctx.t} param={imputeYears} value={String(options.years)} />
    </>
  );
}
