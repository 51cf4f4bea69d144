/**
 * Charts whose labels push the layout: long and negative values, French number formats with narrow
 * no-break spaces, long units and series names, rates on the horizontal axis, a single period.
 */
import { formatValue } from '../../../src/app/web/format.ts';
import { renderLineChart } from '../../../src/app/web/render/chart.ts';
import type { ChartSeries } from '../../../src/app/web/render/chart.ts';
import type { Lang } from '../../../src/domain/lang.ts';

const USD = { unit: 'usd', decimals: 0 } as const;
const usd = (lang: Lang) => (n: number) => formatValue(n, USD, lang);

const years = (from: number, to: number, value: (y: number) => number): { year: number; value: number }[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value: value(from + i) }));

const frenchRate = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });
const hugeMillions = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Long names, some of one word longer than the legend's room. */
const MANY: ChartSeries[] = [
  { key: 'COD', label: 'Democratic Republic of the Congo', points: years(2000, 2022, (y) => (y - 2000) * 1.1) },
  { key: 'VCT', label: 'Saint Vincent and the Grenadines', points: years(2000, 2022, (y) => (y - 2000) * 3.4) },
  { key: 'LDC', label: 'Least developed countries: UN list', points: years(2000, 2022, (y) => (y - 2000) * 1.5), dashed: true },
  { key: 'LONG', label: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochuchaf-Llanfairpwllgwyngyllgogerychwyrndrobwll', points: [] },
];

/** Name → SVG. */
export function boundaryCases(): Record<string, string> {
  return {
    'US$7m on the value axis (the clipped label)': renderLineChart({
      series: [{ key: 'NPL', label: 'Nepal', points: [{ year: 2019, value: 5.2e6 }, { year: 2020, value: 7.1e6 }, { year: 2021, value: 6.4e6 }] }],
      title: 'Revenue at stake, Nepal',
      description: '…',
      yLabel: 'US dollars',
      formatValue: usd('en'),
    }),
    'US$7,000,000m': renderLineChart({
      series: [{ key: 'W', label: 'World', points: years(2015, 2022, (y) => (y - 2014) * 1e6) }],
      title: 'Huge',
      description: '…',
      yLabel: 'US dollars',
      formatValue: (n) => `US$${hugeMillions.format(n)}m`,
    }),
    'negative values in French': renderLineChart({
      series: [
        { key: 'A', label: 'Côte d’Ivoire', points: years(2010, 2022, (y) => (y - 2016) * -2.3e9) },
        { key: 'B', label: 'Sénégal', points: years(2010, 2022, (y) => (y - 2012) * 1.7e9) },
      ],
      title: 'Variation',
      description: '…',
      yLabel: 'dollars des États-Unis',
      formatValue: usd('fr'),
    }),
    'rates on the horizontal axis, in French': renderLineChart({
      series: [
        { key: 'revenue', label: 'Recettes', points: Array.from({ length: 41 }, (_, i) => ({ year: i * 2.5, value: 1e6 * i * (1 - i / 60) })) },
        { key: 'cost', label: 'Coût pour les consommateurs', points: Array.from({ length: 41 }, (_, i) => ({ year: i * 2.5, value: 1.3e6 * i })), dashed: true },
      ],
      title: 'Recettes et coût',
      description: '…',
      yLabel: 'dollars des États-Unis',
      formatValue: usd('fr'),
      yearFormatter: (r) => frenchRate.format(r / 100),
      maxGap: 2.5,
    }),
    'long unit, long legend, narrow chart': renderLineChart({
      series: MANY,
      title: 'Crowded',
      description: '…',
      yLabel: 'Individuals using the Internet, as a percentage of the population aged fifteen and over, survey years only',
      formatValue: (n) => `${n.toFixed(1)} %`,
      width: 320,
      height: 200,
    }),
    'one year, one series (bars)': renderLineChart({
      series: [{ key: 'NPL', label: 'Nepal', points: [{ year: 2021, value: 7.1e6 }] }],
      title: 'Revenue at stake, Nepal',
      description: '…',
      yLabel: 'US dollars',
      formatValue: usd('en'),
    }),
    'one year, negative and positive, in French (bars)': renderLineChart({
      series: [
        { key: 'A', label: 'Bénin', points: [{ year: 2021, value: -7e12 }] },
        { key: 'B', label: 'Burkina Faso', points: [{ year: 2021, value: 3.2e12 }], dashed: true },
        { key: 'C', label: 'Guinée-Bissau', points: [{ year: 2021, value: -1.5e11 }] },
      ],
      title: 'Une année',
      description: '…',
      yLabel: 'dollars des États-Unis',
      formatValue: usd('fr'),
    }),
    'one year, many series in a narrow chart (bars)': renderLineChart({
      series: MANY.map((s, i) => ({ ...s, points: [{ year: 2022, value: (i + 1) * 123456789 }] })),
      title: 'Narrow',
      description: '…',
      yLabel: 'US dollars',
      formatValue: usd('en'),
      width: 300,
    }),
  };
}
