// The key that groups mentions of one place: same name at the same coordinates. Its own
// module, so the places panel (reading.js) and the map (map.js) share it while the map and
// its outlines load only after the first highlight (worldmap.js).

/** The key of a place record: its name and coordinates. */
export function placeKey(p) {
  return `${p.name}|${p.lat}|${p.lon}`;
}
