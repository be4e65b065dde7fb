export function archiveAssets(
  distDir: string,
  archiveDir: string,
  days: number,
  now?: Date,
): { moved: number; pruned: number }
