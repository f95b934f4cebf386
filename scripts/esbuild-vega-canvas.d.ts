import type { Plugin } from 'esbuild';
export declare const vegaCanvasSansCanvas: Plugin;
