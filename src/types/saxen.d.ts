// saxen 11 ships no types: the part of its API the workbook reader uses.
declare module 'saxen' {
  export type AttrGetter = () => Record<string, string>
  export type Decode = (text: string) => string
  export class Parser {
    constructor(options?: { proxy?: boolean })
    on(event: 'openTag', fn: (name: string, attrs: AttrGetter, decode: Decode, selfClosing: boolean) => void): this
    on(event: 'closeTag', fn: (name: string, decode: Decode, selfClosing: boolean) => void): this
    on(event: 'text', fn: (text: string, decode: Decode) => void): this
    on(event: 'cdata', fn: (text: string) => void): this
    on(event: 'error' | 'warn', fn: (error: Error) => void): this
    parse(xml: string): this
    write(chunk: string): this
    end(): Error | undefined
    stop(): void
  }
}
