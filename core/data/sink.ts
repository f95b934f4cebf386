/**
 * Collects the problems of one data file, with a cap per code: a file with 50 000 bad cells
 * gives the first ones in detail and one summary (GTEC-W205), not 50 000 messages.
 */
import type { DataLocation, PlaceInFile, Problem } from '../problems.js';
import { dataProblem, type DataCode, type DataData, type Place } from './problems-data.js';

/** Codes about a place in a data file: their data holds the place (`Place`). */
type PlaceCode = { [K in DataCode]: DataData<K> extends Place ? K : never }[DataCode];
/** What a code needs besides its place; left out when it needs nothing. */
type Facts<K extends PlaceCode> = Omit<DataData<K>, keyof Place>;
type AtArgs<K extends PlaceCode> = Record<never, never> extends Facts<K> ? [data?: Facts<K>, pointer?: string] : [data: Facts<K>, pointer?: string];

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
  at<K extends PlaceCode>(code: K, where: PlaceInFile, ...[data, pointer = this.pointer]: AtArgs<K>): void {
    const n = (this.seen.get(code) ?? 0) + 1;
    this.seen.set(code, n);
    if (n > DETAIL_MAX) {
      this.omitted.set(code, (this.omitted.get(code) ?? 0) + 1);
      return;
    }
    const { header: _h, ...loc } = where;
    const location: DataLocation = { ...loc, file: this.file };
    // The facts and the place together are this code's data (TypeScript cannot see it through K).
    const full = { ...data, ...where, file: this.file } as unknown as DataData<K>;
    this.problems.push((dataProblem as (c: K, p: string, d: DataData<K>, e: { location: DataLocation }) => Problem)(code, pointer, full, { location }));
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
