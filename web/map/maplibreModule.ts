/**
 * What the map imports lazily (maplibre.ts): MapLibre and its stylesheet, which then load
 * together with it rather than with the page (the first frame needs neither). Kept out of the
 * app chunk in vite.config.ts.
 */
import 'maplibre-gl/dist/maplibre-gl.css';

export * from 'maplibre-gl';
