import type { EChartsOption } from './types'

/**
 * The option drawn without animation: its first frame is its last. Exports draw this way,
 * and so does every update of a chart already on screen: with `notMerge`, ECharts builds
 * the updated series afresh and plays their entry animation again (`animationDurationUpdate:
 * 0` does not stop it), so a cross-filter click redrew each chart for a dozen frames
 * instead of once. Only a chart's first appearance is animated.
 */
export const still = (option: EChartsOption): EChartsOption => ({ ...option, animation: false })
