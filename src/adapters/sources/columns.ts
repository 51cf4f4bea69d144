import type { InputLocation } from '../../domain/errors.ts';
import { readCsvBatches, type Chunks, type CsvOptions } from './csv.ts';
import { cell, Header, noHeader } from './fields.ts';

/**
 * One column of a table: its header (then the aliases accepted, compared without regard to case or
 * spacing), whether the file must have it, and how a cell is read. An absent optional column reads as
 * empty cells.
 */
export interface Column<T = string> {
  header: string | readonly string[];
  required?: boolean;
  /** Reads a trimmed cell; throws InputError at `where` (file, line, field) when it is bad. */
  parse?: (text: string, where: InputLocation) => T;
  /** Errors name the column as the file's header writes it, rather than by `header`. */
  asWritten?: boolean;
}

export type ColumnSpec = Record<string, Column<unknown>>;

/** The value a column reads: what its `parse` returns, else the trimmed text. */
export type ValueOf<C> = C extends { parse: (text: string, where: InputLocation) => infer T } ? T : string;

/**
 * The columns of a table, declared once. Required columns are looked up in the order declared, so the
 * first missing one is the one reported.
 * @example const TABLE = columns({ code: { header: 'Country Code', required: true, parse: entityCell }, name: { header: 'Country Name' } });
 */
export function columns<S extends ColumnSpec>(spec: S): Columns<S> {
  return new Columns(spec);
}

export class Columns<S extends ColumnSpec> {
  constructor(readonly spec: S) {}

  /** The header of the first required column: the one a file without a header row lacks. */
  get first(): string {
    const first = Object.values(this.spec).find((c) => c.required) ?? Object.values(this.spec)[0];
    return headersOf(first)[0] ?? '';
  }

  /** Finds the columns in a header row; a missing required column throws InputError naming the file, the header's line and the column. */
  find(header: Header): Table<S> {
    const index = {} as Record<keyof S, number>;
    for (const key of Object.keys(this.spec) as (keyof S & string)[]) {
      const [name = key, ...aliases] = headersOf(this.spec[key]);
      index[key] = this.spec[key]?.required ? header.require(name, ...aliases) : header.find(name, ...aliases);
    }
    return new Table(this.spec, header, index);
  }
}

/** The columns found in one file's header. */
export class Table<S extends ColumnSpec> {
  private readonly fields: Record<keyof S, string>;

  constructor(
    readonly spec: S,
    readonly header: Header,
    /** The position of each column, -1 for an optional column the file lacks. */
    readonly index: { readonly [K in keyof S]: number },
  ) {
    this.fields = {} as Record<keyof S, string>;
    for (const key of Object.keys(spec) as (keyof S)[]) {
      const column = spec[key] as Column<unknown>;
      this.fields[key] = column.asWritten && index[key] >= 0 ? header.nameAt(index[key]) : (headersOf(column)[0] ?? String(key));
    }
  }

  get file(): string {
    return this.header.file;
  }

  /** Whether the file has the column. */
  has(key: keyof S): boolean {
    return this.index[key] >= 0;
  }

  /** How messages name the column. */
  field(key: keyof S): string {
    return this.fields[key];
  }

  /** A data row of the table. */
  row(line: number, fields: readonly string[]): TableRow<S> {
    return new TableRow(this, line, fields);
  }
}

/** One data row, read column by column: each cell is parsed when asked for, so errors come in the order the reader asks. */
export class TableRow<S extends ColumnSpec> {
  constructor(
    readonly table: Table<S>,
    readonly line: number,
    readonly fields: readonly string[],
  ) {}

  /** The trimmed text of a cell ("" for a column the file lacks or a row cut short). */
  text(key: keyof S): string {
    return cell(this.fields, this.table.index[key]);
  }

  /** Where a cell is, for messages. */
  at(key: keyof S): InputLocation {
    return { file: this.table.file, line: this.line, field: this.table.field(key) };
  }

  /** A cell read by its column's `parse` (its text when it has none). */
  get<K extends keyof S>(key: K): ValueOf<S[K]> {
    const parse = this.table.spec[key]?.parse;
    const text = this.text(key);
    return (parse ? parse(text, this.at(key)) : text) as ValueOf<S[K]>;
  }
}

export interface TableOptions<S extends ColumnSpec> extends CsvOptions {
  /** Lines before the header that are not the header (a preamble): return true to pass over one. */
  preamble?: (fields: readonly string[], line: number) => boolean;
  /** For files in several layouts: the columns of the layout a header shows (by default, those given). */
  layout?: (header: Header) => Columns<S>;
  /** Called once the header is read, before any data row: for columns found otherwise (years). */
  onHeader?: (table: Table<S>) => void;
  /** The error for a file with no header row; by default the first required column is missing on line 1. */
  ifEmpty?: () => never;
}

/**
 * Reads a CSV table with a header row: finds the declared columns in the header and yields the data rows
 * in batches (as the CSV reader completes them). A file without a header row is an error.
 * @example for await (const rows of readTable(chunks, file, TABLE)) for (const row of rows) { const code = row.get('code'); … }
 */
export async function* readTable<S extends ColumnSpec>(
  input: Chunks,
  file: string,
  spec: Columns<S>,
  options: TableOptions<S> = {},
): AsyncGenerator<TableRow<S>[], Table<S>> {
  let table: Table<S> | null = null;
  const { preamble, layout, onHeader, ifEmpty, ...csv } = options;
  for await (const batch of readCsvBatches(input, file, csv)) {
    const rows: TableRow<S>[] = [];
    for (const { line, fields } of batch) {
      if (table === null) {
        if (preamble?.(fields, line)) continue;
        const header = new Header(fields, line, file);
        table = (layout?.(header) ?? spec).find(header);
        onHeader?.(table);
        continue;
      }
      rows.push(new TableRow(table, line, fields));
    }
    if (rows.length > 0) yield rows;
  }
  if (table === null) return ifEmpty ? ifEmpty() : noHeader(file, spec.first);
  return table;
}

function headersOf(column: Column<unknown> | undefined): readonly string[] {
  if (!column) return [];
  return typeof column.header === 'string' ? [column.header] : column.header;
}
