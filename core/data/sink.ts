/**
 * Collects the problems of one data file, with a cap per code: a file with 50 000 bad cells
 * gives the first ones in detail and one summary (GTEC-W205), not 50 000 messages.
 */
import type { DataLocation, Problem, ProblemData } from '../problems.js';
import { dataProblem } from './problems-data.js';

export const DETAIL_MAX = 50;

export class ProblemSink {
  readonly problems: Problem[] = [];
  private readonly omitted = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly pointer: string,
  ) {}

  /** A problem about a place in the file; `where` also becomes the message's place. */
  at(code: string, where: Partial<DataLocation> & { header?: string }, data: ProblemData = {}, pointer = this.pointer): void {
    const n = (this.seen.get(code) ?? 0) + 1;
    this.seen.set(code, n);
    if (n > DETAIL_MAX) {
      this.omitted.set(code, (this.omitted.get(code) ?? 0) + 1);
      return;
    }
    const { header: _h, ...loc } = where;
    const location: DataLocation = { ...loc, file: this.file };
    this.problems.push(dataProblem(code, pointer, { ...data, ...where, file: this.file }, { location }));
  }

  /** A problem about the declaration rather than a place in the file. */
  add(p: Problem): void {
    this.problems.push(p);
  }

  /** The problems, with one summary per code that went over the cap. */
  finish(): Problem[] {
    for (const [code, n] of this.omitted) {
      this.problems.push(dataProblem('GTEC-W205', this.pointer, { file: this.file, code, value: n }, { location: { file: this.file } }));
    }
    this.omitted.clear();
    return this.problems;
  }
}
