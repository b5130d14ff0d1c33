/**
 * A one-line progress bar on stderr for long CLI work (imports, demo data). On a non-terminal
 * (CI logs) it prints a plain line every few seconds instead of redrawing.
 */
export class ProgressBar {
  private lastPrint = 0;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private total?: number,
  ) {}

  update(done: number, extra = '', total = this.total): void {
    this.total = total;
    const now = Date.now();
    if (now - this.lastPrint < (this.tty ? 100 : 3000)) return;
    this.lastPrint = now;
    this.draw(done, extra);
  }

  finish(done: number, extra = ''): void {
    this.draw(done, extra);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(done: number, extra: string): void {
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    let line: string;
    if (this.total && this.total > 0) {
      const ratio = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(ratio * width);
      line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${this.total} ${extra} ${secs}s`;
    } else {
      line = `${this.label} ${done} ${extra} ${secs}s`;
    }
    process.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}
