// polylabel 2 ships no types: the one function the maps call.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (outer ring, then holes), to within `precision` of its units. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
