import { describe, expect, it } from 'vitest';
import { readBaci } from '../../../src/adapters/sources/trade/baci.ts';
import { readComtradeLegacy, readComtradePlusCsv, readComtradePlusJson } from '../../../src/adapters/sources/trade/comtrade.ts';
import { parseTariffConfig, readNationalTariff } from '../../../src/adapters/sources/trade/national-tariff.ts';
import type { TradeBatch, TradeContext } from '../../../src/adapters/sources/trade/records.ts';
import { baciEditionOf, editionOfClassification } from '../../../src/adapters/sources/trade/un-codes.ts';
import { readWitsTariff } from '../../../src/adapters/sources/trade/wits-tariff.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../../src/domain/moratorium/trade.ts';
import { byteChunks, errorOf } from './helpers.ts';
import { context, CONTEXT_M49 } from './trade-context.ts';

/** Every row a trade parser yields, by kind, with its summary. */
async function drain<R>(source: AsyncGenerator<TradeBatch, R>): Promise<{ flows: TradeFlow[]; tariffs: TariffLine[]; schemes: SchemeMember[]; summary: R; batches: number }> {
  const out = { flows: [] as TradeFlow[], tariffs: [] as TariffLine[], schemes: [] as SchemeMember[], batches: 0 };
  for (;;) {
    const step = await source.next();
    if (step.done) return { ...out, summary: step.value };
    out.batches++;
    out.flows.push(...(step.value.flows ?? []));
    out.tariffs.push(...(step.value.tariffs ?? []));
    out.schemes.push(...(step.value.schemes ?? []));
  }
}

describe('edition names', () => {
  it('reads BACI file names and Comtrade classification codes', () => {
    expect(baciEditionOf('BACI_HS17_Y2019_V202501.csv')).toBe('HS2017');
    expect(baciEditionOf('BACI_HS92_Y1995_V202401b.csv')).toBe('HS1992');
    expect(baciEditionOf('BACI_HS22_generated.csv')).toBe('HS2022');
    expect(baciEditionOf('baci.csv')).toBeNull();
    expect(editionOfClassification('H0')).toBe('HS1992');
    expect(editionOfClassification('H6')).toBe('HS2022');
    expect(editionOfClassification('S3')).toBeNull();
  });
});

describe('readBaci', () => {
  // BACI pads its numbers with spaces and writes products as integers.
  const file =
    't,i,j,k,v,q\n' +
    '2019,156,524,852349,     12.5,      0.3\n' +
    '2019,842,524,10121,      1.25,        NA\n' +
    '2019,251,404,490110,   0.004,   0.001\n' +
    '2019,490,524,852349,   2,   1\n' +
    '2019,999,524,852349,   3,   1\n' +
    '2019,156,998,852349,   3,   1\n';

  it('reads imports of j from i in US dollars, with Comtrade\'s own codes and leading zeros restored', async () => {
    const { flows, summary } = await drain(readBaci(byteChunks(file, 7), 'BACI_HS17_Y2019_V202501.csv', context, { edition: 'HS2017' }));
    expect(flows).toEqual([
      { year: 2019, reporter: 'NPL', partner: 'CHN', line: '852349', hs6: '852349', edition: 'HS2017', valueUsd: 12500, quantity: 0.3 },
      { year: 2019, reporter: 'NPL', partner: 'USA', line: '010121', hs6: '010121', edition: 'HS2017', valueUsd: 1250, quantity: null },
      { year: 2019, reporter: 'KEN', partner: 'FRA', line: '490110', hs6: '490110', edition: 'HS2017', valueUsd: 4, quantity: 0.001 },
      { year: 2019, reporter: 'NPL', partner: 'TWN', line: '852349', hs6: '852349', edition: 'HS2017', valueUsd: 2000, quantity: 1 },
    ]);
    expect(summary.rows).toBe(6);
    expect(summary.flows).toBe(4);
    expect(summary.years).toEqual([2019]);
    expect(summary.unknownCodes.describe()).toBe('998 (1 row), 999 (1 row)');
  });

  it('names the file, line and field of a bad cell and of a missing column', async () => {
    const bad = (body: string) => errorOf(() => drain(readBaci([`t,i,j,k,v,q\n${body}\n`], 'b.csv', context, { edition: 'HS2017' })));
    expect((await bad('2019,156,524,8523,1,1')).message).toBe('b.csv, line 2, field "k": not an HS 6-digit code: "8523"');
    expect((await bad('2019,156,524,852349,abc,1')).message).toBe('b.csv, line 2, field "v": not a number: "abc"');
    expect((await bad('2019,156,524,852349,1,x')).message).toBe('b.csv, line 2, field "q": not a number: "x"');
    expect((await bad('19,156,524,852349,1,1')).message).toBe('b.csv, line 2, field "t": not a year: "19"');
    const missing = await errorOf(() => drain(readBaci(['t,i,j,k,v\n'], 'b.csv', context, { edition: 'HS2017' })));
    expect(missing.message).toBe('b.csv, line 1, field "q": missing column "q"');
  });

  it('reads 100,000 rows in batches of 50,000, resolving each code once', async () => {
    const rows: string[] = ['t,i,j,k,v,q'];
    const codes = CONTEXT_M49;
    for (let n = 0; n < 100_000; n++) rows.push(`2020,${codes[n % 8]},${codes[(n >> 3) % 8]},${100000 + (n % 900000)},${(n % 1000) + 0.5},NA`);
    const text = `${rows.join('\n')}\n`;
    let lookups = 0;
    const counting: TradeContext = { ...context, iso3OfM49: (code) => (lookups++, context.iso3OfM49(code)) };
    const { flows, batches } = await drain(readBaci(byteChunks(text, 1 << 20), 'big.csv', counting, { edition: 'HS2017' }));
    expect(flows).toHaveLength(100_000);
    expect(batches).toBe(2);
    expect(lookups).toBe(8);
  });
});

const LEGACY_HEADER =
  'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,' +
  'Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,Mode of Transport Code,' +
  'Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),' +
  'Gross weight (kg),Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag';

function legacyRow(o: { cls?: string; flow?: string; reporter?: string; partner?: string; partnerIso?: string; cmd: string; value: string; weight?: string; period?: string }): string {
  const flowName = o.flow === '2' ? 'Export' : 'Import';
  return [o.cls ?? 'H5', '2019', o.period ?? '2019', '2019', '6', '1', o.flow ?? '1', flowName, o.reporter ?? '524', 'Nepal', 'NPL', o.partner ?? '156', 'X', o.partnerIso ?? 'CHN', '', '', '', '', '', '', '', o.cmd, '"Media, recorded"', '8', 'kg', '', '', '', '', o.weight ?? '', '', o.value, '', '', '0'].join(',');
}

describe('readComtradeLegacy', () => {
  it('reads imports of 6-digit commodities, keeps the World remainder under WLD and leaves out exports and totals', async () => {
    const text = [
      LEGACY_HEADER,
      legacyRow({ cmd: '852349', value: '1000', weight: '2000' }),
      legacyRow({ cmd: '852349', partner: '0', partnerIso: 'WLD', value: '1500' }),
      legacyRow({ cmd: '852349', partner: '899', partnerIso: '', value: '200' }),
      legacyRow({ cmd: '852349', partner: '356', partnerIso: 'IND', value: '300', flow: '2' }),
      legacyRow({ cmd: '8523', value: '5000' }),
      legacyRow({ cmd: 'TOTAL', value: '9000' }),
      legacyRow({ cmd: '490110', partner: '0', partnerIso: 'WLD', value: '80' }),
      legacyRow({ cmd: '490110', partner: '842', partnerIso: 'USA', value: '20', cls: 'H5' }),
    ].join('\r\n');
    const { flows, summary } = await drain(readComtradeLegacy([text], 'comtrade.csv', context));
    const base = { year: 2019, reporter: 'NPL', edition: 'HS2017' };
    expect(flows).toEqual([
      { ...base, partner: 'CHN', line: '852349', hs6: '852349', valueUsd: 1000, quantity: 2 },
      { ...base, partner: 'USA', line: '490110', hs6: '490110', valueUsd: 20, quantity: null },
      { ...base, partner: 'WLD', line: '852349', hs6: '852349', valueUsd: 500, quantity: null },
      { ...base, partner: 'WLD', line: '490110', hs6: '490110', valueUsd: 60, quantity: null },
    ]);
    expect(summary.skipped).toBe(3);
    expect(summary.unknownCodes.describe()).toBe('899 (1 row)');
    expect(summary.editions).toEqual(['HS2017']);
  });

  it('refuses monthly data, other classifications and a missing column, naming line and field', async () => {
    const bad = (row: string) => errorOf(() => drain(readComtradeLegacy([`${LEGACY_HEADER}\n${row}\n`], 'c.csv', context)));
    expect((await bad(legacyRow({ cmd: '852349', value: '1', period: '201903' }))).message).toBe(
      'c.csv, line 2, field "Period": monthly data (period "201903"): only annual data can be imported',
    );
    expect((await bad(legacyRow({ cmd: '852349', value: '1', cls: 'S3' }))).message).toBe(
      'c.csv, line 2, field "Classification": not an HS classification: "S3" (expected H0 to H6)',
    );
    expect((await bad(legacyRow({ cmd: '852349', value: 'lots' }))).message).toBe('c.csv, line 2, field "Trade Value (US$)": not a number: "lots"');
    const missing = await errorOf(() => drain(readComtradeLegacy(['Classification,Year,Trade Flow Code\n'], 'c.csv', context)));
    expect(missing.message).toBe('c.csv, line 1, field "Reporter Code": missing column "Reporter Code"');
  });
});

const PLUS_KEYS =
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,' +
  'partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,' +
  'customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,' +
  'netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate';

function plusRecord(o: { partner: number; iso: string; cmd: string; value: number; flow?: string; customs?: string; freq?: string }): Record<string, unknown> {
  return {
    typeCode: 'C', freqCode: o.freq ?? 'A', refPeriodId: 20220101, refYear: 2022, refMonth: 52, period: '2022',
    reporterCode: 404, reporterISO: 'KEN', reporterDesc: 'Kenya', flowCode: o.flow ?? 'M', flowDesc: 'Import',
    partnerCode: o.partner, partnerISO: o.iso, partnerDesc: o.iso, partner2Code: 0, partner2ISO: 'W00', partner2Desc: 'World',
    classificationCode: 'H6', classificationSearchCode: 'HS', isOriginalClassification: true, cmdCode: o.cmd, cmdDesc: 'x', aggrLevel: 6, isLeaf: true,
    customsCode: o.customs ?? 'C00', customsDesc: 'TOTAL CPC', mosCode: '0', motCode: 0, motDesc: 'TOTAL MOT', qtyUnitCode: 8, qtyUnitAbbr: 'kg', qty: 10,
    isQtyEstimated: false, altQtyUnitCode: 8, altQtyUnitAbbr: 'kg', altQty: 10, isAltQtyEstimated: false, netWgt: 10, isNetWgtEstimated: false,
    grossWgt: 0, isGrossWgtEstimated: false, cifvalue: o.value, fobvalue: null, primaryValue: o.value, legacyEstimationFlag: 0, isReported: true, isAggregate: false,
  };
}

const PLUS_RECORDS = [
  plusRecord({ partner: 0, iso: 'W00', cmd: '852349', value: 900 }),
  plusRecord({ partner: 156, iso: 'CHN', cmd: '852349', value: 700 }),
  plusRecord({ partner: 156, iso: 'CHN', cmd: '852349', value: 70, customs: 'C01' }),
  plusRecord({ partner: 800, iso: 'UGA', cmd: '490110', value: 50 }),
  plusRecord({ partner: 800, iso: 'UGA', cmd: '490110', value: 51, flow: 'X' }),
];

const PLUS_FLOWS = [
  { year: 2022, reporter: 'KEN', partner: 'CHN', line: '852349', hs6: '852349', edition: 'HS2022', valueUsd: 700, quantity: 0.01 },
  { year: 2022, reporter: 'KEN', partner: 'UGA', line: '490110', hs6: '490110', edition: 'HS2022', valueUsd: 50, quantity: 0.01 },
  { year: 2022, reporter: 'KEN', partner: 'WLD', line: '852349', hs6: '852349', edition: 'HS2022', valueUsd: 200, quantity: null },
];

describe('Comtrade Plus', () => {
  it('reads the API\'s JSON and the same records as CSV alike', async () => {
    const json = JSON.stringify({ elapsedTime: '0.12 secs', count: PLUS_RECORDS.length, data: PLUS_RECORDS, error: '' });
    const fromJson = await drain(readComtradePlusJson(byteChunks(json, 5), 'answer.json', context));
    expect(fromJson.flows).toEqual(PLUS_FLOWS);
    expect(fromJson.summary.skipped).toBe(2);
    const keys = PLUS_KEYS.split(',');
    const csv = [PLUS_KEYS, ...PLUS_RECORDS.map((r) => keys.map((k) => (r[k] === null ? '' : String(r[k]))).join(','))].join('\n');
    const fromCsv = await drain(readComtradePlusCsv([csv], 'plus.csv', context));
    expect(fromCsv.flows).toEqual(PLUS_FLOWS);
  });

  it('names the file and record of a bad JSON record, and reports the API\'s error', async () => {
    const body = (data: unknown, error = '') => [JSON.stringify({ elapsedTime: '0', count: 1, data, error })];
    expect((await errorOf(() => drain(readComtradePlusJson(['{"data": [1,'], 'a.json', context)))).message).toBe('a.json: not JSON: "{\\"data\\": [1,"');
    expect((await errorOf(() => drain(readComtradePlusJson(body([{ ...plusRecord({ partner: 156, iso: 'CHN', cmd: '852349', value: 1 }), freqCode: 'M' }]), 'a.json', context)))).message).toBe(
      'a.json, field "data[0].period": monthly data (period "2022"): only annual data can be imported',
    );
    const { cmdCode: _drop, ...noCommodity } = plusRecord({ partner: 156, iso: 'CHN', cmd: '852349', value: 1 });
    expect((await errorOf(() => drain(readComtradePlusJson(body([noCommodity]), 'a.json', context)))).message).toBe('a.json, field "cmdCode": data[0] has no "cmdCode"');
    expect((await errorOf(() => drain(readComtradePlusJson(body(null, 'Invalid parameter'), 'a.json', context)))).message).toBe(
      'a.json, field "error": Comtrade error: Invalid parameter',
    );
  });
});

describe('readWitsTariff', () => {
  it('reads TRAINS AVEMFN and AVEPref files: HS6 averages as MFN and as a scheme per partner', async () => {
    const mfn =
      'NomenCode,Reporter_ISO_N,Year,ProductCode,Sum_Of_Rates,Min_Rate,Max_Rate,SimpleAverage,Nbr_NA_Lines,Nbr_Free_Lines,Nbr_AVE_Lines,Nbr_Dutiable_Lines,TotalNoOfValidLines,TotalNoOfLines,EstCode\n' +
      'H6,404,2022,852349,50,25,25,25,0,0,0,2,2,2,\n' +
      'H6,404,2022,490110,0,0,0,0,0,1,0,0,1,1,\n' +
      'H6,404,2022,370400,,,,,1,0,0,0,0,1,\n';
    const m = await drain(readWitsTariff([mfn], 'AVEMFN_H6_KEN_2022_U2.CSV', context));
    expect(m.summary.layout).toBe('trains-raw');
    expect(m.tariffs).toEqual([
      { year: 2022, reporter: 'KEN', line: '852349', hs6: '852349', edition: 'HS2022', regime: 'mfn', scheme: null, rate: 25 },
      { year: 2022, reporter: 'KEN', line: '490110', hs6: '490110', edition: 'HS2022', regime: 'mfn', scheme: null, rate: 0 },
      { year: 2022, reporter: 'KEN', line: '370400', hs6: '370400', edition: 'HS2022', regime: 'mfn', scheme: null, rate: null },
    ]);
    const pref =
      'NomenCode,Reporter_ISO_N,Year,ProductCode,Partner,Sum_Of_Rates,Min_Rate,Max_Rate,SimpleAverage,Nbr_NA_Lines,Nbr_Free_Lines,Nbr_AVE_Lines,Nbr_Dutiable_Lines,TotalNoOfValidLines,TotalNoOfLines,EstCode\n' +
      'H6,404,2022,852349,800,0,0,0,0,0,2,0,0,2,2,\n' +
      'H6,404,2022,852349,918,10,5,5,5,0,0,0,2,2,2,\n';
    const p = await drain(readWitsTariff([pref], 'AVEPref_H6_KEN_2022_U2.CSV', context));
    expect(p.tariffs.map((t) => [t.regime, t.scheme, t.rate])).toEqual([
      ['pref', 'WITS 800', 0],
      ['pref', 'WITS 918', 5],
    ]);
    expect(p.schemes).toEqual([{ scheme: 'WITS 800', partner: 'UGA', from: 2022, to: null }]);
    expect(p.summary.unknownPartners).toEqual(['WITS 918 (918)']);
  });

  it('reads a WITS query result: MFN, bound and preferences named by partner, AHS left out, EU members from the group', async () => {
    const text =
      'Selected Nomen,Native Nomen,Reporter,Reporter Name,Product,Product Name,Partner,Partner Name,Tariff Year,Trade Year,Trade Source,DutyType,Simple Average,Weighted Average,Minimum Rate,Maximum Rate\n' +
      'HS,H5,KEN,Kenya,852349,Media,WLD,World,2019,2019,CMT,MFN,25,25,25,25\n' +
      'HS,H5,KEN,Kenya,852349,Media,WLD,World,2019,2019,CMT,BND,100,100,100,100\n' +
      'HS,H5,KEN,Kenya,852349,Media,EAC,East African Community,2019,2019,CMT,PRF,0,0,0,0\n' +
      'HS,H5,KEN,Kenya,852349,Media,UGA,Uganda,2019,2019,CMT,AHS,0,0,0,0\n' +
      'HS,H5,XYZ,Atlantis,852349,Media,WLD,World,2019,2019,CMT,MFN,5,5,5,5\n';
    const { tariffs, schemes, summary } = await drain(readWitsTariff([text], 'wits.csv', context));
    expect(summary.layout).toBe('wits-query');
    expect(tariffs.map((t) => [t.reporter, t.regime, t.scheme, t.rate, t.edition])).toEqual([
      ['KEN', 'mfn', null, 25, 'HS2017'],
      ['KEN', 'bound', null, 100, 'HS2017'],
      ['KEN', 'pref', 'East African Community', 0, 'HS2017'],
      ['XYZ', 'mfn', null, 5, 'HS2017'],
    ]);
    expect(schemes.map((s) => s.partner)).toEqual(['KEN', 'TZA', 'UGA']);
    expect(summary.applied).toBe(1);
  });

  it('reads rate columns with a programme column, and names the expected columns for a foreign header', async () => {
    const text = 'Reporter,Partner,Product,Tariff Year,AVEMFN,AVEPref,Preference Programme\nNepal,IND,852349,2023,10,0,SAFTA\nNepal,,490110,2023,5,,\n';
    const { tariffs, schemes } = await drain(readWitsTariff([text], 'rates.csv', context, { edition: 'HS2022' }));
    expect(tariffs.map((t) => [t.reporter, t.hs6, t.regime, t.scheme, t.rate])).toEqual([
      ['NPL', '852349', 'mfn', null, 10],
      ['NPL', '852349', 'pref', 'SAFTA', 0],
      ['NPL', '490110', 'mfn', null, 5],
    ]);
    expect(schemes).toEqual([{ scheme: 'SAFTA', partner: 'IND', from: 2023, to: null }]);
    const foreign = await errorOf(() => drain(readWitsTariff(['Country,Code,Rate\n'], 'x.csv', context)));
    expect(foreign.message).toMatch(/^x\.csv, line 1, field "Country": not a WITS tariff header: expected a WITS TRAINS file \(NomenCode, Reporter_ISO_N/);
    const noEdition = await errorOf(() => drain(readWitsTariff([text], 'rates.csv', context)));
    expect(noEdition.message).toBe('rates.csv, line 2, field "NomenCode": the file gives no HS nomenclature (NomenCode "H0" to "H6"): give the edition to the import');
    const badRate = await errorOf(() => drain(readWitsTariff(['Reporter,Partner,Product,Tariff Year,AVEMFN\nKEN,,852349,2023,ten\n'], 'r.csv', context, { edition: 'HS2022' })));
    expect(badRate.message).toBe('r.csv, line 2, field "AVEMFN": not a number: "ten"');
  });
});

const CONFIG = {
  reporter: 'KEN',
  year: 2024,
  edition: 'HS2022',
  columns: { line: 'HS Code', description: 'Description', mfn: 'Import Duty', bound: 'WTO Bound', schemes: { EAC: 'EAC Rate', COMESA: 'COMESA' } },
  schemeMembers: { EAC: 'EAC', COMESA: ['UGA', { partner: 'ETH', from: 2000, to: null }] },
};

describe('national tariff schedules', () => {
  it('reads rates as the configuration maps them: "10%", "Free", blanks; headings left out', async () => {
    const config = parseTariffConfig(JSON.stringify(CONFIG), 'kenya.tariff.json');
    const text =
      'HS Code,Description,Import Duty,WTO Bound,EAC Rate,COMESA\n' +
      '85.23,Discs and tapes,,,,\n' +
      '8523.49.10,Software media,10%,100,0,Free\n' +
      '8523.49.90,Other,"25",,,\n' +
      ',Subtotal,,,,\n';
    const { tariffs, schemes, summary } = await drain(readNationalTariff([text], 'kenya.csv', config, context));
    const line = (l: string, regime: string, scheme: string | null, rate: number | null) => ({
      year: 2024, reporter: 'KEN', line: l, hs6: '852349', edition: 'HS2022', regime, scheme, rate,
    });
    expect(tariffs).toEqual([
      line('85234910', 'mfn', null, 10),
      line('85234910', 'bound', null, 100),
      line('85234910', 'pref', 'EAC', 0),
      line('85234910', 'pref', 'COMESA', 0),
      line('85234990', 'mfn', null, 25),
      line('85234990', 'bound', null, null),
    ]);
    expect(schemes).toEqual([
      { scheme: 'EAC', partner: 'KEN', from: null, to: null },
      { scheme: 'EAC', partner: 'TZA', from: null, to: null },
      { scheme: 'EAC', partner: 'UGA', from: null, to: null },
      { scheme: 'COMESA', partner: 'UGA', from: null, to: null },
      { scheme: 'COMESA', partner: 'ETH', from: 2000, to: null },
    ]);
    expect(summary.headings).toBe(2);
  });

  it('names the file, line and column of a bad rate, and a column the file lacks', async () => {
    const config = parseTariffConfig(JSON.stringify(CONFIG), 'kenya.tariff.json');
    const head = 'HS Code,Description,Import Duty,WTO Bound,EAC Rate,COMESA\n';
    expect((await errorOf(() => drain(readNationalTariff([`${head}85234910,x,10 KES/kg,,,\n`], 'k.csv', config, context)))).message).toBe(
      'k.csv, line 2, field "Import Duty": not an ad valorem rate: "10 KES/kg"',
    );
    expect((await errorOf(() => drain(readNationalTariff(['HS Code,Import Duty\n'], 'k.csv', config, context)))).message).toBe(
      'k.csv, line 1, field "WTO Bound": missing column "WTO Bound"',
    );
  });

  it('refuses a configuration with clear errors naming the field', () => {
    const bad = (patch: Record<string, unknown>) => {
      try {
        parseTariffConfig(JSON.stringify({ ...CONFIG, ...patch }), 'k.tariff.json');
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ reporter: 'Kenya' })).toBe('k.tariff.json, field "reporter": expected the ISO3 code of the reporting country, e.g. "KEN"');
    expect(bad({ year: '2024' })).toBe('k.tariff.json, field "year": expected the tariff year, e.g. 2024');
    expect(bad({ edition: 'HS2020' })).toMatch(/^k\.tariff\.json, field "edition": expected one of HS1992, HS1996/);
    expect(bad({ columns: { mfn: 'Duty' } })).toBe('k.tariff.json, field "columns.line": missing: the header of the column');
    expect(bad({ columns: { line: 'HS Code' }, schemeMembers: {} })).toBe('k.tariff.json, field "columns": no rate column: give "mfn", "bound" or "schemes"');
    expect(bad({ schemeMembers: { EAC: 'EAC' } })).toBe('k.tariff.json, field "schemeMembers.COMESA": missing: who is entitled to "COMESA" (ISO3 codes or a group id)');
    expect(bad({ schemeMembers: { EAC: ['uga'], COMESA: [] } })).toBe('k.tariff.json, field "schemeMembers.EAC[0]": not an ISO3 code: "uga"');
    expect(bad({ rates: {} })).toMatch(/^k\.tariff\.json, field "rates": unknown field/);
    expect(() => parseTariffConfig('{ "reporter": ', 'k.tariff.json')).toThrow(/^k\.tariff\.json: not JSON/);
  });
});
