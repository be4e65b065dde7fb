import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** What to show instead of the children once they have thrown. */
  readonly fallback: (error: Error) => ReactNode
  readonly onError?: (error: Error, info: ErrorInfo) => void
  readonly children: ReactNode
}

/**
 * Catches what a subtree throws while rendering — a page's code chunk that failed to load
 * after a redeploy, a bug — so the rest of the app (the navigation, the other pages) stays
 * up. Give it a `key` to start again (a new page).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    this.props.onError?.(error, info)
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children
  }
}

/** A dynamic import that failed: the chunk is gone (a redeploy) or the network dropped. */
export function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i.test(
    error.message,
  )
}
