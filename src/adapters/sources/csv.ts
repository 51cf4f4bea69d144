import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { InputError } from '../../domain/errors.ts';

/** One CSV record: its fields, and the 1-based physical line on which it starts. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Text or bytes in pieces, as a file stream, an HTTP body or an array in a test gives them. */
export type Chunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface CsvOptions {
  /**
   * The field separator: "," by default; ";" for UNSD's own downloads and for spreadsheets saved in
   * locales with a decimal comma; "auto" picks ",", ";" or tab from the first line.
   */
  delimiter?: string;
  /** The text encoding of byte chunks (any WHATWG label), UTF-8 by default. */
  encoding?: string;
}

/**
 * A field this long inside quotes almost always means a quote is missing; failing early keeps a
 * 200 MB file from being swallowed into one string before the error at its end.
 */
const MAX_FIELD_LENGTH = 1 << 24;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

const AT_RECORD = 0;
const AT_FIELD = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const AFTER_QUOTE = 4;

/**
 * An RFC 4180 tokenizer that keeps its state between chunks, so a chunk may end anywhere: inside a
 * quoted field, between a quote and its double, or between \r and \n.
 *
 * Beyond RFC 4180 it accepts what real exports contain: LF or lone CR line ends, a quote inside an
 * unquoted field (kept as text), text after a closing quote (appended, as Python's csv does), and
 * ragged rows. Empty lines are skipped, since no format read here gives them a meaning.
 */
class CsvTokenizer {
  private fields: string[] = [];
  private partial = '';
  private state = AT_RECORD;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLF = false;
  private prevCR = false;
  private started = false;
  private readonly delim: number;

  constructor(
    private readonly file: string,
    delimiter: string,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new InputError(`not a usable CSV delimiter: ${JSON.stringify(delimiter)}`, { file });
    }
    this.delim = delimiter.charCodeAt(0);
  }

  /** The physical line the tokenizer has reached, for errors raised outside it. */
  get currentLine(): number {
    return this.line;
  }

  feed(s: string, out: CsvRow[]): void {
    const n = s.length;
    const d = this.delim;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    if (this.skipLF && i < n) {
      if (s.charCodeAt(i) === LF) i++;
      this.skipLF = false;
    }
    let state = this.state;
    let fields = this.fields;
    let line = this.line;
    let start = i;
    let lfAt = -1;
    let crAt = -1;

    while (i < n) {
      if (state === UNQUOTED) {
        let c = 0;
        while (i < n) {
          c = s.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i === n) {
          this.partial += s.slice(start, n);
          break;
        }
        if (this.partial === '') fields.push(s.slice(start, i));
        else {
          fields.push(this.partial + s.slice(start, i));
          this.partial = '';
        }
        i++;
        if (c === d) {
          state = AT_FIELD;
          continue;
        }
        out.push({ line: this.recordLine, fields });
        fields = [];
        state = AT_RECORD;
        line++;
        if (c === CR) {
          if (i < n) {
            if (s.charCodeAt(i) === LF) i++;
          } else this.skipLF = true;
        }
      } else if (state === AT_FIELD) {
        if (s.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          this.quoteLine = line;
          this.prevCR = false;
          i++;
        } else state = UNQUOTED;
        start = i;
      } else if (state === QUOTED) {
        let q = s.indexOf('"', i);
        if (q < 0) q = n;
        if (lfAt < i) lfAt = indexOr(s, '\n', i, n);
        if (crAt < i) crAt = indexOr(s, '\r', i, n);
        if (lfAt < q || crAt < q) {
          // Line breaks inside quotes still advance the physical line count; \r\n counts once.
          let prevCR = this.prevCR;
          for (let k = i; k < q; k++) {
            const c = s.charCodeAt(k);
            if (c === LF) {
              if (!prevCR) line++;
              prevCR = false;
            } else if (c === CR) {
              line++;
              prevCR = true;
            } else prevCR = false;
          }
          this.prevCR = prevCR;
        } else if (q > i) this.prevCR = false;
        this.partial += s.slice(start, q);
        if (this.partial.length > MAX_FIELD_LENGTH) {
          throw new InputError(
            `a quoted field opened on line ${this.quoteLine} runs past ${MAX_FIELD_LENGTH} characters: a closing quote is probably missing`,
            { file: this.file, line: this.quoteLine },
          );
        }
        if (q === n) break;
        i = q + 1;
        state = AFTER_QUOTE;
      } else if (state === AFTER_QUOTE) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          this.partial += '"';
          this.prevCR = false;
          state = QUOTED;
          i++;
          start = i;
        } else if (c === d) {
          fields.push(this.partial);
          this.partial = '';
          state = AT_FIELD;
          i++;
        } else if (c === LF || c === CR) {
          fields.push(this.partial);
          this.partial = '';
          out.push({ line: this.recordLine, fields });
          fields = [];
          state = AT_RECORD;
          line++;
          i++;
          if (c === CR) {
            if (i < n) {
              if (s.charCodeAt(i) === LF) i++;
            } else this.skipLF = true;
          }
        } else {
          state = UNQUOTED;
          start = i;
        }
      } else {
        // AT_RECORD: empty lines are skipped but still counted.
        const c = s.charCodeAt(i);
        if (c === LF) {
          line++;
          i++;
        } else if (c === CR) {
          line++;
          i++;
          if (i < n) {
            if (s.charCodeAt(i) === LF) i++;
          } else this.skipLF = true;
        } else {
          this.recordLine = line;
          state = AT_FIELD;
        }
      }
    }
    this.state = state;
    this.fields = fields;
    this.line = line;
  }

  end(out: CsvRow[]): void {
    switch (this.state) {
      case QUOTED:
        throw new InputError(
          `unterminated quoted field: the quote opened in column ${this.fields.length + 1} on line ${this.quoteLine} is never closed`,
          { file: this.file, line: this.quoteLine },
        );
      case UNQUOTED:
      case AFTER_QUOTE:
      case AT_FIELD:
        this.fields.push(this.partial);
        this.partial = '';
        out.push({ line: this.recordLine, fields: this.fields });
        this.fields = [];
        this.state = AT_RECORD;
        break;
      default:
        break;
    }
  }
}

function indexOr(s: string, needle: string, from: number, fallback: number): number {
  const at = s.indexOf(needle, from);
  return at < 0 ? fallback : at;
}

/**
 * Guesses the delimiter from the first line: the most frequent of ",", ";" and tab outside quotes
 * (comma when none occurs).
 * @example sniffDelimiter('Global Code;Global Name;Region Code') // ';'
 */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' || ch === '\r') break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [ch, count] of counts) {
    if (count > bestCount) {
      best = ch;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads CSV records from chunks of bytes or text, yielding the records completed by each chunk
 * together: per-record async iteration costs more than the parsing, so the format parsers read this.
 * @example for await (const rows of readCsvBatches(fileChunks('pop.csv'), 'pop.csv')) for (const r of rows) …
 */
export async function* readCsvBatches(input: Chunks, file: string, options: CsvOptions = {}): AsyncGenerator<CsvRow[]> {
  const decoder = new StrictDecoder(file, options.encoding ?? 'utf-8');
  const auto = options.delimiter === 'auto';
  let tokenizer: CsvTokenizer | null = auto ? null : new CsvTokenizer(file, options.delimiter ?? ',');
  let held = '';
  // Until the tokenizer exists, the text held for choosing the delimiter has no line break: line 1.
  const decode = (bytes?: Uint8Array): string => decoder.decode(bytes, tokenizer?.currentLine ?? 1);

  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decode(chunk);
    if (tokenizer === null) {
      // The delimiter is chosen once the first line is complete (or 64 KiB are in).
      held += text;
      if (!/[\r\n]/.test(held) && held.length < 65536) continue;
      tokenizer = new CsvTokenizer(file, sniffDelimiter(held.replace(/^\uFEFF/, '')));
      text = held;
      held = '';
    }
    const out: CsvRow[] = [];
    tokenizer.feed(text, out);
    if (out.length > 0) yield out;
  }
  const tail = decode();
  if (tokenizer === null) tokenizer = new CsvTokenizer(file, sniffDelimiter(held.replace(/^\uFEFF/, '')));
  const out: CsvRow[] = [];
  tokenizer.feed(held + tail, out);
  tokenizer.end(out);
  if (out.length > 0) yield out;
}

/**
 * Decodes byte chunks strictly, so that a file in another encoding is refused rather than read with
 * replacement characters, and names the line of the first bad byte even deep inside a 1 MiB chunk.
 */
class StrictDecoder {
  private readonly fatal: TextDecoder;
  /**
   * The last bytes decoded, from which a lenient decoder takes up the state the strict one had at
   * the start of a chunk: three bytes hold UTF-8's longest unfinished character.
   */
  private recent = new Uint8Array(0);
  /** Whether the text so far ends with \r, so that a chunk starting with \n does not count a line twice. */
  private endsInCR = false;

  constructor(
    private readonly file: string,
    private readonly encoding: string,
  ) {
    this.fatal = new TextDecoder(encoding, { fatal: true });
  }

  /** The text of the next chunk, or of the end of the input without one; `line` is where the text so far ends. */
  decode(bytes: Uint8Array | undefined, line: number): string {
    let text: string;
    try {
      text = bytes ? this.fatal.decode(bytes, { stream: true }) : this.fatal.decode();
    } catch {
      throw this.notText(bytes, line);
    }
    if (bytes) this.remember(bytes);
    if (text.length > 0) this.endsInCR = text.charCodeAt(text.length - 1) === CR;
    return text;
  }

  private remember(bytes: Uint8Array): void {
    const keep = 3;
    if (bytes.length >= keep) this.recent = bytes.slice(bytes.length - keep);
    else {
      const joined = new Uint8Array(this.recent.length + bytes.length);
      joined.set(this.recent);
      joined.set(bytes, this.recent.length);
      this.recent = joined.slice(Math.max(0, joined.length - keep));
    }
  }

  /** The error for a chunk that does not decode, on the line of its first replacement character. */
  private notText(bytes: Uint8Array | undefined, line: number): InputError {
    let at = line;
    if (bytes) {
      const lenient = new TextDecoder(this.encoding);
      lenient.decode(this.recent, { stream: true });
      const text = lenient.decode(bytes, { stream: true });
      at += lineBreaks(text, Math.max(0, text.indexOf('\uFFFD')), this.endsInCR);
    }
    const name = this.fatal.encoding === 'utf-8' ? 'UTF-8' : this.fatal.encoding;
    const reason =
      bytes === undefined
        ? `the file is not valid ${name} text: it ends inside a character; save it again as UTF-8`
        : `the file is not valid ${name} text: this line holds bytes of another encoding; save the file again as UTF-8`;
    return new InputError(reason, { file: this.file, line: at });
  }
}

/** The line breaks in `text` before `end`, counting \r\n once, as the tokenizer does. */
function lineBreaks(text: string, end: number, afterCR: boolean): number {
  let breaks = 0;
  let prevCR = afterCR;
  for (let k = 0; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === CR || (c === LF && !prevCR)) breaks++;
    prevCR = c === CR;
  }
  return breaks;
}

/**
 * Reads CSV records one at a time from chunks of bytes or text (RFC 4180, with a UTF-8 BOM, CRLF or LF).
 * Throws InputError naming the file and line for an unterminated quote or bytes that are not text.
 * @example for await (const { line, fields } of readCsv(['a,b\r\n1,"x, y"\r\n'], 't.csv')) …
 */
export async function* readCsv(input: Chunks, file: string, options: CsvOptions = {}): AsyncGenerator<CsvRow> {
  for await (const rows of readCsvBatches(input, file, options)) yield* rows;
}

/**
 * Streams a file in chunks, reporting the bytes read so far and the file's size after each chunk
 * (for a progress bar during long imports).
 * @example readCsv(fileChunks(path, (read, total) => bar.update(read / total)), path)
 */
export async function* fileChunks(
  path: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
  chunkSize = 1 << 20,
): AsyncGenerator<Uint8Array> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`, {
      file: path,
    });
  }
  const stream = createReadStream(path, { highWaterMark: chunkSize });
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      onProgress?.(bytesRead, totalBytes);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}
