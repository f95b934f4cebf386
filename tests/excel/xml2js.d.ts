// xml2js is the XML parser office-addin-manifest itself uses (its dependency); it ships no types.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<any>;
}
