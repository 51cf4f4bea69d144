import { InputError } from '../../domain/errors.ts';

/** Pages and rows of a paged answer of the World Bank API. */
export interface DownloadCount {
  pages: number;
  rows: number;
}

/**
 * A download of the World Bank API that did not hold what its first page announced: a later page announcing
 * another page count or total (the series changed while it was read), or fewer (or more) rows than the total.
 * Nothing of such a download is stored. Its message names the series, what page 1 announced and what came.
 */
export class IncompleteDownloadError extends InputError {
  /** The indicator code, or the list ("country list (fr)"). */
  readonly series: string;
  readonly url: string;
  /** What page 1 announced. */
  readonly expected: DownloadCount;
  /** The pages and rows received when the download was refused. */
  readonly received: DownloadCount;

  constructor(series: string, url: string, reason: string, expected: DownloadCount, received: DownloadCount) {
    super(
      `incomplete download of ${series}, refused: ${reason}; expected ${plural(expected.pages, 'page')} and ${plural(expected.rows, 'row')}, ` +
        `received ${plural(received.pages, 'page')} and ${plural(received.rows, 'row')}`,
      { file: url },
    );
    this.name = 'IncompleteDownloadError';
    this.series = series;
    this.url = url;
    this.expected = expected;
    this.received = received;
  }
}

/**
 * Holds what page 1 of a paged answer announces (pages, total rows), checks every later page against it and
 * the rows received at the end: the World Bank API can change a series between two pages, and a download that
 * trusted each page's own count would stop early and look complete.
 * @example const tally = new PageTally('IT.NET.USER.ZS', url); tally.page(1, { pages: 8, total: 7835 }, 1000); … tally.finish();
 */
export class PageTally {
  private announced: DownloadCount | null = null;
  private readonly received: DownloadCount = { pages: 0, rows: 0 };

  constructor(
    readonly series: string,
    readonly url: string,
  ) {}

  /** The pages to ask for: page 1's count, 1 before page 1 is read. */
  get pages(): number {
    return this.announced?.pages ?? 1;
  }

  /** What page 1 announced; zero before it is read. */
  get expected(): DownloadCount {
    return this.announced ?? { pages: 0, rows: 0 };
  }

  /** Counts one page; throws IncompleteDownloadError when its count of pages or rows is not page 1's. */
  page(page: number, head: { pages: number; total: number }, rows: number): void {
    this.received.pages++;
    this.received.rows += rows;
    const announced = this.announced;
    if (announced === null) {
      this.announced = { pages: head.pages, rows: head.total };
      return;
    }
    const now: string[] = [];
    const then: string[] = [];
    if (head.pages !== announced.pages) {
      now.push(plural(head.pages, 'page'));
      then.push(plural(announced.pages, 'page'));
    }
    if (head.total !== announced.rows) {
      now.push(plural(head.total, 'row'));
      then.push(plural(announced.rows, 'row'));
    }
    if (now.length > 0) throw this.refuse(`page ${page} announces ${now.join(' and ')} where page 1 announced ${then.join(' and ')}`);
  }

  /** Checks, once every page is read, that the rows received are the total page 1 announced. */
  finish(): void {
    const expected = this.expected;
    if (this.received.rows !== expected.rows) {
      const pages = this.received.pages === 1 ? 'the page' : `the ${this.received.pages} pages`;
      throw this.refuse(`${pages} held ${plural(this.received.rows, 'row')} where page 1 announced ${expected.rows}`);
    }
  }

  private refuse(reason: string): IncompleteDownloadError {
    return new IncompleteDownloadError(this.series, this.url, reason, this.expected, { ...this.received });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
