// The world map, loaded after the first highlight: the map's code (map.js) and the country
// outlines (world.js, 110 KB, 31 KB gzip) are not needed to show an article, so the page
// does not load them before it. reading.js adds this module as a script once an article has
// places; when it has run, it hands renderMap to reading.js by the document event
// 'saywhere:map' (detail: {renderMap}), and the map is drawn. The single file
// (scripts/build_single.py) has this module inline, after the page's own, so the map is
// there from the start with nothing to fetch.
import { renderMap } from './map.js';

document.dispatchEvent(new CustomEvent('saywhere:map', { detail: { renderMap } }));
