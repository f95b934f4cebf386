/**
 * The part of papaparse used by the core: its low-level `Parser`. Declared here rather than with
 * @types/papaparse, whose `/// <reference types="node" />` would bring Node's globals (Buffer,
 * process) into the check of the pure core (tsconfig.core.json).
 */
declare module 'papaparse' {
  interface ParseError {
    code: 'MissingQuotes' | 'InvalidQuotes' | string;
    row: number;
    index: number;
  }
  interface StepResult {
    /** One record per step. */
    data: string[][];
    errors: ParseError[];
    /** Offset in the input just after the record and its line break. */
    meta: { cursor: number };
  }
  interface ParserConfig {
    delimiter: string;
    newline: '\n' | '\r' | '\r\n';
    fastMode?: boolean;
    step: (result: StepResult) => void;
  }
  class Parser {
    constructor(config: ParserConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
    abort(): void;
  }
  const Papa: { Parser: typeof Parser };
  export default Papa;
}
