/** Where progress goes: a terminal gets a redrawn bar, a log file gets a line every tenth of the way. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A progress bar for long work (imports, downloads), written to stderr so stdout stays clean for data.
 * @example const bar = new ProgressBar('importing', 120); bar.tick(1, 'pop.csv'); bar.done();
 */
export class ProgressBar {
  private current = 0;
  private lastTenth = -1;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private total: number,
    private readonly sink: ProgressSink = process.stderr,
  ) {}

  /** Sets the total when it becomes known (a download's page count). */
  setTotal(total: number): void {
    this.total = total;
  }

  tick(amount = 1, detail = ''): void {
    this.update(this.current + amount, detail);
  }

  update(current: number, detail = ''): void {
    this.current = Math.min(current, this.total);
    const share = this.total > 0 ? this.current / this.total : 0;
    if (this.sink.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 50 && this.current < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${this.label} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${this.current}/${this.total} ${detail}`;
      this.sink.write(`\r${line.slice(0, (this.sink.columns ?? 100) - 1).padEnd((this.sink.columns ?? 100) - 1)}`);
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.sink.write(`${this.label}: ${Math.round(share * 100)}% (${this.current}/${this.total})${detail ? ` ${detail}` : ''}\n`);
    }
  }

  /** Finishes the bar with a summary line. */
  done(summary = ''): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    if (this.sink.isTTY) this.sink.write('\r'.padEnd((this.sink.columns ?? 100) - 1) + '\r');
    this.sink.write(`${this.label}: done in ${seconds} s${summary ? `, ${summary}` : ''}\n`);
  }
}
