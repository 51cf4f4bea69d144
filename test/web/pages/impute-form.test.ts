/**
 * The group and indicator pages offer the aggregate question's imputation (impute, impute_years) in their
 * forms, drawn from the question's parameters: the values shown follow it, the links to the API and to the
 * other pages carry it, a bad value is refused with the API's message, and the labels are translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, fr } from '../../../src/app/web/i18n/index.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import { parseHtml, select, selectOne, text } from './html.ts';

const POPULATION = 'SP.POP.TOTL';
const CARRY = 'impute=carry-forward&impute_years=10';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

const page = async (url: string, status = 200) => {
  const res = await fx.app.request(url);
  const body = (await res.text()).replace(/&#39;/g, "'");
  expect(res.status, `${url}: ${body.slice(0, 200)}`).toBe(status);
  return { body, doc: parseHtml(body) };
};

/** The option selected in the form's impute drop-down, and the years written back. */
function formState(doc: ReturnType<typeof parseHtml>) {
  const selected = select(doc, 'select[name=impute] option').filter((o) => o.attrs.selected !== undefined).map((o) => o.attrs.value);
  const years = selectOne(doc, 'input[name=impute_years]').attrs.value;
  return { selected, years };
}

describe('the imputation on the group and indicator pages', () => {
  it('is offered on the group page, left out by default, and carried forward when asked', async () => {
    const carried = await fx.obs.aggregateSeries('WLD', POPULATION, { impute: { method: 'carry-forward', years: 10 } });
    // The fixture has values to carry into the world's population; else this test proves nothing.
    expect(carried.rows.some((r) => r.imputed.length > 0)).toBe(true);

    const plain = await page('/en/groups/WLD');
    expect(formState(plain.doc)).toEqual({ selected: ['none'], years: '2' });
    expect(select(plain.doc, 'select[name=impute] option').map(text)).toEqual([en.imputation.choices.none, en.imputation.choices['carry-forward']]);
    expect(plain.body).not.toMatch(/carried forward from earlier years/);

    const asked = await page(`/en/groups/WLD?${CARRY}`);
    expect(formState(asked.doc)).toEqual({ selected: ['carry-forward'], years: '10' });
    expect(asked.body).toMatch(/values? carried forward from earlier years/);
    const csv = select(asked.doc, 'a').map((a) => a.attrs.href ?? '').filter((h) => h.startsWith('/api/v1/groups/WLD/aggregates/'));
    expect(csv.length).toBeGreaterThan(0);
    for (const h of csv) expect(h).toContain(`&${CARRY}`);
    // The API answers the same link with the same imputation.
    const api = (await (await fx.app.request(`/api/v1/groups/WLD/aggregates/${POPULATION}?${CARRY}`)).json()) as { impute: string; imputeYears: number };
    expect(api).toMatchObject({ impute: 'carry-forward', imputeYears: 10 });
    const indicatorLinks = select(asked.doc, 'table a').map((a) => a.attrs.href ?? '').filter((h) => h.startsWith('/en/indicators/'));
    expect(indicatorLinks.length).toBeGreaterThan(0);
    for (const h of indicatorLinks) expect(h).toMatch(new RegExp(`^/en/indicators/[A-Z0-9.]+\\?${CARRY}$`));
  });

  it('is offered on the indicator page and applied to its group values', async () => {
    const plain = await page(`/en/indicators/${POPULATION}`);
    expect(formState(plain.doc)).toEqual({ selected: ['none'], years: '2' });
    expect(plain.body).not.toMatch(/carried forward from earlier years/);
    const asked = await page(`/en/indicators/${POPULATION}?${CARRY}`);
    expect(formState(asked.doc)).toEqual({ selected: ['carry-forward'], years: '10' });
    expect(asked.body).toMatch(/values? carried forward from earlier years/);
    expect(select(asked.doc, 'a').some((a) => (a.attrs.href ?? '') === `/en/groups/WLD?${CARRY}`)).toBe(true);
  });

  it('reads impute_years only with carry-forward, as a form sends every field', async () => {
    const { doc } = await page('/en/groups/WLD?impute=none&impute_years=3');
    expect(formState(doc).selected).toEqual(['none']);
  });

  it('refuses a bad value with the message the API gives', async () => {
    for (const [q, parameter] of [
      ['impute=last', 'impute'],
      ['impute=carry-forward&impute_years=11', 'impute_years'],
    ] as const) {
      const api = (await (await fx.app.request(`/api/v1/groups/WLD/aggregates/${POPULATION}?${q}`)).json()) as { error: { parameter: string; message: string } };
      expect(api.error.parameter).toBe(parameter);
      for (const url of [`/en/groups/WLD?${q}`, `/en/indicators/${POPULATION}?${q}`]) {
        const { doc } = await page(url, 400);
        expect(select(doc, 'main p').map(text), url).toContain(api.error.message);
      }
    }
  });

  it('is labelled in French', async () => {
    const { doc } = await page(`/fr/groups/WLD?${CARRY}`);
    expect(select(doc, 'label').map(text).some((l) => l.startsWith(fr.imputation.field))).toBe(true);
    expect(select(doc, 'select[name=impute] option').map(text)).toEqual([fr.imputation.choices.none, fr.imputation.choices['carry-forward']]);
    expect(select(doc, 'label').map(text).some((l) => l.startsWith(fr.imputation.yearsField))).toBe(true);
    expect(text(selectOne(doc, 'form.inline button'))).toBe(fr.imputation.apply);
  });
});
