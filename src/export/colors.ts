/** The solid background an exported image gets: the theme's card colour, or white for print. */
export type ExportBackground = 'theme' | 'white'
export type ExportTheme = 'light' | 'dark'

export interface ImagePalette {
  readonly theme: ExportTheme
  readonly background: string
  readonly title: string
  readonly text: string
  readonly muted: string
  readonly sample: string
}

const LIGHT: ImagePalette = {
  theme: 'light',
  background: '#ffffff',
  title: '#1d2129',
  text: '#4e5969',
  muted: '#86909c',
  sample: '#9a4b00',
}
const DARK: ImagePalette = {
  theme: 'dark',
  background: '#111a2c',
  title: '#e8edf7',
  text: '#b5c0d4',
  muted: '#7f8ba3',
  sample: '#ffd08a',
}

/** White for print always draws the chart in the light theme: dark-theme text would vanish on it. */
export function paletteFor(theme: ExportTheme, background: ExportBackground): ImagePalette {
  return background === 'white' || theme === 'light' ? LIGHT : DARK
}
