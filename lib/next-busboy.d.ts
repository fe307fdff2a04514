// The part of busboy's API that lib/server-action-gate.ts uses, for the copy Next.js bundles
// (next/dist/compiled/busboy, which ships without types).
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string, value: string, info: { valueTruncated: boolean; nameTruncated: boolean }) => void): this;
    on(event: "file", listener: (name: string, stream: Readable, info: { filename: string }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  function busboy(options: { headers: Record<string, string>; defParamCharset?: string; limits?: { fieldSize?: number } }): Busboy;
  export default busboy;
}
