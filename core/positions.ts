/**
 * Offsets → line/column, at the edge (CLI output, editor diagnostics). Problems carry offsets into
 * the diagnostic text; a host builds one `LineIndex` per text and converts.
 *
 * Lines and columns are 1-based. Columns count UTF-16 code units (JavaScript string indices), as
 * VS Code and the Language Server Protocol do: « é » counts 1, an emoji outside the BMP counts 2.
 * A line ends at `\n`; a `\r` before it belongs to the line ending (CRLF), a lone `\r` also ends a
 * line, as YAML says.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line and column of an offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Offset of a 1-based line and column (clamped), the inverse of `position`. */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    return Math.min(this.starts[l - 1]! + Math.max(1, column) - 1, this.text.length);
  }
}
