import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { fileChunks, readCsv, readCsvBatches, sniffDelimiter, type Chunks, type CsvOptions, type CsvRow } from '../../../src/adapters/sources/csv.ts';
import { readWorldBankWide } from '../../../src/adapters/sources/worldbank-wide.ts';
import { seeded } from '../../fixtures/fixtures.ts';
import { byteChunks, errorOf, randomChunks, tempDir } from './helpers.ts';

async function rows(input: Chunks, options: CsvOptions = {}): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of readCsv(input, 'test.csv', options)) out.push(row);
  return out;
}

/** A text with every hard case: BOM, CRLF and LF, quotes doubled, line breaks inside quotes, empty lines. */
const TRICKY =
  '\uFEFFCountry Name,Country Code,Note,2020,\r\n' +
  '"Congo, Dem. Rep.",COD,"He said ""yes""",1.5,\r\n' +
  'Côte d’Ivoire,CIV,"two\r\nlines, here",,\r\n' +
  '\r\n' +
  'Tuvalu,TUV,"three\nlines\r\nmixed",0,\n' +
  '"""quoted""",Q,"",-2e3,\r\n' +
  'São Tomé and Príncipe,STP,"ends with CR\r",7,\r' +
  'Last,LST,plain,8,';

const TRICKY_ROWS: CsvRow[] = [
  { line: 1, fields: ['Country Name', 'Country Code', 'Note', '2020', ''] },
  { line: 2, fields: ['Congo, Dem. Rep.', 'COD', 'He said "yes"', '1.5', ''] },
  { line: 3, fields: ['Côte d’Ivoire', 'CIV', 'two\r\nlines, here', '', ''] },
  { line: 6, fields: ['Tuvalu', 'TUV', 'three\nlines\r\nmixed', '0', ''] },
  { line: 9, fields: ['"quoted"', 'Q', '', '-2e3', ''] },
  { line: 10, fields: ['São Tomé and Príncipe', 'STP', 'ends with CR\r', '7', ''] },
  { line: 12, fields: ['Last', 'LST', 'plain', '8', ''] },
];

describe('readCsv', () => {
  it('reads RFC 4180 records with a BOM, CRLF, quotes, line breaks in quotes and a trailing empty column', async () => {
    expect(await rows([TRICKY])).toEqual(TRICKY_ROWS);
  });

  it('gives the same records whatever the chunk boundaries: 1-byte, 1-character and random pieces', async () => {
    const expected = await rows([TRICKY]);
    expect(await rows(byteChunks(TRICKY, 1))).toEqual(expected);
    expect(await rows([...TRICKY])).toEqual(expected);
    for (let seed = 1; seed <= 200; seed++) {
      expect(await rows(randomChunks(TRICKY, seed, 1 + (seed % 23)))).toEqual(expected);
    }
  });

  it('splits between \\r and \\n, and between a quote and its double, without inventing records', async () => {
    const text = 'a,"x""y"\r\nb,"p\r\nq"\r\nc,d\r\n';
    const expected = [
      { line: 1, fields: ['a', 'x"y'] },
      { line: 2, fields: ['b', 'p\r\nq'] },
      { line: 4, fields: ['c', 'd'] },
    ];
    for (let cut = 1; cut < text.length; cut++) {
      expect(await rows([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
    }
  });

  it('reads a record without a final line end, and nothing from an empty input', async () => {
    expect(await rows(['a,b\nc,'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', ''] },
    ]);
    expect(await rows([])).toEqual([]);
    expect(await rows(['\uFEFF'])).toEqual([]);
    expect(await rows(['\n\r\n'])).toEqual([]);
  });

  it('counts lone CR as a line end', async () => {
    expect(await rows(['a\rb\r"c\rd"\re'])).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c\rd'] },
      { line: 5, fields: ['e'] },
    ]);
  });

  it('keeps stray quotes as text, as exports write them', async () => {
    expect(await rows(['5" disk,"ab"cd,x\n'])).toEqual([{ line: 1, fields: ['5" disk', 'abcd', 'x'] }]);
  });

  it('throws InputError naming the file and the line of an unterminated quote', async () => {
    const text = 'Country,Note\nKenya,ok\nFiji,"never\nclosed\n';
    for (const input of [[text], byteChunks(text, 1)]) {
      const error = await errorOf(() => rows(input));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        'test.csv, line 3: unterminated quoted field: the quote opened in column 2 on line 3 is never closed',
      );
    }
  });

  it('refuses bytes that are not UTF-8, naming the file and line', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\nC'), 0xf4, ...new TextEncoder().encode('te,x\n')]);
    const error = await errorOf(() => rows([bytes]));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`test.csv, line 2: ${NOT_UTF8}`);
    expect(await rows([bytes], { encoding: 'windows-1252' })).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Côte', 'x'] },
    ]);
  });

  it('reads semicolon-separated files, told or guessed from the first line', async () => {
    const text = '\uFEFFGlobal Code;Country or Area;M49 Code\n001;"Bonaire; Sint Eustatius and Saba";535\n001;China, Hong Kong SAR;344\n';
    const expected = [
      { line: 1, fields: ['Global Code', 'Country or Area', 'M49 Code'] },
      { line: 2, fields: ['001', 'Bonaire; Sint Eustatius and Saba', '535'] },
      { line: 3, fields: ['001', 'China, Hong Kong SAR', '344'] },
    ];
    expect(await rows([text], { delimiter: ';' })).toEqual(expected);
    expect(await rows(byteChunks(text, 1), { delimiter: 'auto' })).toEqual(expected);
    expect(await rows(['a,b;c\n1,2;3\n'], { delimiter: 'auto' })).toEqual([
      { line: 1, fields: ['a', 'b;c'] },
      { line: 2, fields: ['1', '2;3'] },
    ]);
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('yields the records of each chunk together from readCsvBatches', async () => {
    const batches: CsvRow[][] = [];
    for await (const batch of readCsvBatches(['a\nb\nc', '\nd\n'], 'test.csv')) batches.push(batch);
    expect(batches.map((b) => b.map((r) => r.fields[0]))).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

const NOT_UTF8 = 'the file is not valid UTF-8 text: this line holds bytes of another encoding; save the file again as UTF-8';

describe('readCsv on a file that is not UTF-8', () => {
  const dir = tempDir();
  const encoder = new TextEncoder();
  /** The UTF-8 bytes of `before`, a Latin-1 "é" (0xE9, not UTF-8 here), then the bytes of `after`. */
  const withBadByte = (before: string, after: string): Uint8Array => {
    const head = encoder.encode(before);
    const tail = encoder.encode(after);
    const bytes = new Uint8Array(head.length + 1 + tail.length);
    bytes.set(head);
    bytes[head.length] = 0xe9;
    bytes.set(tail, head.length + 1);
    return bytes;
  };
  const lineAfter = (text: string): number => 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  /**
   * Rows of multi-byte names, CRLF line ends and every hundredth row with a line break inside quotes,
   * so that neither bytes nor records tell the line.
   */
  const body = (from: number, bytes: number): string => {
    const parts: string[] = [];
    let size = 0;
    for (let i = from; size < bytes; i++) {
      const row = i % 100 === 0 ? `"Côte d’Ivoire",C${i},"two\r\nlines"\r\n` : `São Tomé and Príncipe,S${i},ok\r\n`;
      parts.push(row);
      size += encoder.encode(row).length;
    }
    return parts.join('');
  };
  const MiB = 1 << 20;

  it('names the line of a bad byte deep inside a 1 MiB chunk, in the first chunk or a later one', async () => {
    const early = 'Country,Code,Note\r\n' + body(0, 40_000);
    const late = 'Country,Code,Note\r\n' + body(0, MiB + 400_000);
    for (const before of [early, late]) {
      const bytes = withBadByte(before + 'Caf', ',CAF,ok\r\n' + body(1, 2 * MiB));
      expect(bytes.length).toBeGreaterThan(2 * MiB);
      const line = lineAfter(before);
      expect(line).toBeGreaterThan(before === early ? 1000 : 30_000);
      const error = await errorOf(() => rows(byteChunks(bytes, MiB)));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(`test.csv, line ${line}: ${NOT_UTF8}`);
    }
  });

  it('names the line read from a file in 1 MiB chunks, through a format parser', async () => {
    const before = 'Country Name,Country Code,Indicator Name,Indicator Code,2020\r\n' + 'Kenya,KEN,Internet,IT.NET.USER.ZS,1\r\n'.repeat(1001) + 'C';
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, withBadByte(before, 'te,CIV,Internet,IT.NET.USER.ZS,2\r\n' + 'Fiji,FJI,Internet,IT.NET.USER.ZS,3\r\n'.repeat(40_000)));
    const error = await errorOf(async () => {
      for await (const _ of readWorldBankWide(fileChunks(path), path));
    });
    expect(error.message).toBe(`${path}, line 1003: ${NOT_UTF8}`);
  });

  it('names the same line wherever a chunk boundary falls: on the bad byte, inside a character, between \\r and \\n', async () => {
    const before = 'Country,Code,Note\r\n' + body(0, 3000) + 'Côte d’Ivoire,CIV,ok\r\nÉ,x,"a\r\nb"\r\n\r\nCaf';
    const bytes = withBadByte(before, ',CAF,ok\r\n' + body(1, 3000));
    const line = lineAfter(before);
    const bad = encoder.encode(before).length;
    for (let cut = bad - 60; cut <= bad + 2; cut++) {
      const error = await errorOf(() => rows([bytes.subarray(0, cut), bytes.subarray(cut)]));
      expect(error.message, `cut at byte ${cut}`).toBe(`test.csv, line ${line}: ${NOT_UTF8}`);
    }
    for (const size of [1, 2, 3, 7]) {
      expect((await errorOf(() => rows(byteChunks(bytes, size)))).message).toBe(`test.csv, line ${line}: ${NOT_UTF8}`);
    }
    expect((await errorOf(() => rows(byteChunks(bytes, 5), { delimiter: 'auto' })))).toHaveProperty('message', `test.csv, line ${line}: ${NOT_UTF8}`);
  });

  it('names the last line of a file that ends inside a character', async () => {
    const cut = encoder.encode('a,b\r\nc,d\r\nCô');
    const error = await errorOf(() => rows([cut.subarray(0, cut.length - 1)]));
    expect(error.message).toBe('test.csv, line 3: the file is not valid UTF-8 text: it ends inside a character; save it again as UTF-8');
  });
});

describe('fileChunks', () => {
  const dir = tempDir();

  it('streams a file and reports the bytes read against its size', async () => {
    const path = join(dir, 'f.csv');
    const text = 'x,y\n'.repeat(10_000);
    writeFileSync(path, text);
    const progress: [number, number][] = [];
    const got = await rows(fileChunks(path, (read, total) => progress.push([read, total]), 4096));
    expect(got).toHaveLength(10_000);
    expect(progress.length).toBe(Math.ceil(text.length / 4096));
    expect(progress.at(-1)).toEqual([text.length, text.length]);
    expect(progress.every(([read], i) => i === 0 || read > (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('reports a missing file as InputError naming it', async () => {
    const path = join(dir, 'missing.csv');
    const error = await errorOf(() => rows(fileChunks(path)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${path}: file not found`);
  });
});

describe('readCsv speed', () => {
  it('parses 20 MB of World Bank-like CSV (measured and printed, not asserted)', async () => {
    const rand = seeded(42);
    const lines: string[] = ['"Country Name","Country Code","Indicator Name","Indicator Code",' + Array.from({ length: 64 }, (_, i) => `"${1960 + i}"`).join(',') + ','];
    let size = 0;
    let count = 0;
    while (size < 20 * 1024 * 1024) {
      const quoted = count % 2 === 0;
      // Each row a different country code and indicator, as in a real bulk file (a repeated row is refused).
      const code = [0, 1, 2].map((d) => String.fromCharCode(65 + (Math.floor(count / 26 ** d) % 26))).join('');
      const series = Math.floor(count / 26 ** 3);
      const cells = Array.from({ length: 64 }, () => (rand() < 0.4 ? '' : (rand() * 1e6).toFixed(6)));
      const line = quoted
        ? `"Congo, Dem. Rep.","${code}","GDP (current US$)","NY.GDP.MKTP.CD${series}",${cells.map((v) => `"${v}"`).join(',')},`
        : `Kenya,${code},"Individuals using the Internet (% of population)",IT.NET.USER.ZS${series},${cells.join(',')}`;
      lines.push(line);
      size += line.length + 2;
      count++;
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
    const chunks = byteChunks(bytes, 1 << 20);
    const mb = bytes.length / (1024 * 1024);

    const time = async (label: string, run: () => Promise<number>): Promise<void> => {
      const start = performance.now();
      const n = await run();
      const ms = performance.now() - start;
      expect(n).toBe(count + 1);
      console.log(`csv speed: ${label}: ${mb.toFixed(1)} MB, ${n} records in ${ms.toFixed(0)} ms (${(mb / (ms / 1000)).toFixed(0)} MB/s)`);
    };
    const viaBatches = async (): Promise<number> => {
      let n = 0;
      for await (const batch of readCsvBatches(chunks, 'speed.csv')) n += batch.length;
      return n;
    };
    await time('readCsvBatches, first run', viaBatches);
    await time('readCsvBatches, second run', viaBatches);
    await time('readCsv, one record at a time', async () => {
      let n = 0;
      for await (const row of readCsv(chunks, 'speed.csv')) if (row.fields.length > 0) n++;
      return n;
    });

    const start = performance.now();
    let observations = 0;
    for await (const batch of readWorldBankWide(chunks, 'speed.csv')) observations += batch.length;
    const ms = performance.now() - start;
    console.log(`csv speed: readWorldBankWide: ${mb.toFixed(1)} MB, ${observations} values in ${ms.toFixed(0)} ms (${(mb / (ms / 1000)).toFixed(0)} MB/s)`);
  });
});
