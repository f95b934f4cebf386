// Web-standard globals available in every host of the core (Node ≥ 20, VS Code extension host,
// Excel's JavaScript runtime). Declared here because core/ is type-checked without Node's types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function queueMicrotask(cb: () => void): void;
