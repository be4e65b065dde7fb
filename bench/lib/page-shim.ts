/**
 * tsx compiles the benchmarks with esbuild's keepNames, which wraps named functions in
 * `__name(...)`; functions handed to page.evaluate run in the page, where that helper does
 * not exist. An init script with this defines it.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (f) => f'
