import { createContext, useContext } from 'react'

import type { Coordinator } from './coordinator'

/** The app's coordinator, made at start-up and handed to every view below it. */
export const CoordinatorContext = createContext<Coordinator | null>(null)

export function useCoordinator(): Coordinator {
  const coordinator = useContext(CoordinatorContext)
  if (!coordinator) throw new Error('No coordinator: render views inside <CoordinatorContext value={…}>')
  return coordinator
}
