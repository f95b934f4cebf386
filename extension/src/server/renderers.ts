/**
 * The report renderers, loaded by report-requests.ts on the first preview or export: the server
 * starts, validates and completes without them (their chunks, exceljs and Vega are not parsed).
 */
export { renderHtml, renderJson, renderXlsx } from '../../../core/index.js';
