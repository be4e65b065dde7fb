/** Planar geometry for a schematic map: Voronoi cells of a few sites, clipped to an outline. */
export type Point = readonly [number, number]
export type Ring = readonly Point[]

/** Keeps the part of `ring` on the side of the line through `a`–`b` where `inside` holds (Sutherland–Hodgman). */
function clip(ring: Ring, inside: (p: Point) => number): Point[] {
  const out: Point[] = []
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i]!
    const prev = ring[(i + ring.length - 1) % ring.length]!
    const dc = inside(cur)
    const dp = inside(prev)
    if (dc >= 0) {
      if (dp < 0) out.push(intersect(prev, cur, dp, dc))
      out.push(cur)
    } else if (dp >= 0) {
      out.push(intersect(prev, cur, dp, dc))
    }
  }
  return out
}

function intersect(p: Point, q: Point, dp: number, dq: number): Point {
  const t = dp / (dp - dq)
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]
}

/**
 * The cell of each site: the part of the outline nearer to it than to any other site. With
 * a handful of sites this direct construction (clip the outline by each bisector) is exact
 * and small enough to read.
 */
export function voronoiCells(sites: readonly Point[], outline: Ring): Point[][] {
  return sites.map((s, i) => {
    let cell: Point[] = [...outline]
    sites.forEach((o, j) => {
      if (i === j || cell.length === 0) return
      // Signed distance towards s from the perpendicular bisector of s–o.
      const mx = (s[0] + o[0]) / 2
      const my = (s[1] + o[1]) / 2
      const nx = s[0] - o[0]
      const ny = s[1] - o[1]
      cell = clip(cell, (p) => (p[0] - mx) * nx + (p[1] - my) * ny)
    })
    return cell
  })
}

/** Shoelace area (absolute). */
export function area(ring: Ring): number {
  let a = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!
    const [x2, y2] = ring[(i + 1) % ring.length]!
    a += x1 * y2 - x2 * y1
  }
  return Math.abs(a) / 2
}

export function contains(ring: Ring, [x, y]: Point): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
