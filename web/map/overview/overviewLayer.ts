/**
 * The MapLibre custom layer drawing the commune overview: one quad over the raster's box in Web
 * Mercator, whose fragments read the commune number of their pixel (an R16UI texture, nearest
 * texel) and its colour in the lookup table (RGBA8, one texel per commune). Re-colouring uploads
 * the table only (~140 kB for 35,000 communes); a finer level uploads its raster once. The
 * départements' borders (the context of the commune level) are drawn here too, where the
 * département of the next pixel right or below differs (a table of one byte per commune), so the
 * overview needs no vector tile at all. Drawn only while `active` and below OVERVIEW_MAX_ZOOM;
 * nothing is drawn before a colour table is set.
 */
import type * as maplibregl from 'maplibre-gl';
import { OVERVIEW_MAX_ZOOM, worldPixels } from '../../../scripts/build/overview/spec.ts';
import { BORDER_COLOR, type ColorTable, type DepartementTable } from './overviewColors.ts';
import type { OverviewPicture } from './firstFrame.ts';
import type { OverviewRaster } from './overviewData.ts';

export const OVERVIEW_LAYER = 'commune-overview';

const VERTEX = `#version 300 es
in vec2 a_pos;
uniform mat4 u_matrix;
uniform vec4 u_box;
out vec2 v_uv;
void main() {
  v_uv = (a_pos - u_box.xy) / (u_box.zw - u_box.xy);
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
precision highp usampler2D;
uniform usampler2D u_ids;
uniform usampler2D u_departements;
uniform sampler2D u_colors;
uniform ivec2 u_size;
uniform float u_opacity;
uniform vec4 u_border;
in vec2 v_uv;
out vec4 fragColor;
uint idAt(vec2 uv) {
  if (uv.x < 0.0 || uv.y < 0.0 || uv.x >= 1.0 || uv.y >= 1.0) return 0u;
  return texelFetch(u_ids, clamp(ivec2(floor(uv * vec2(u_size))), ivec2(0), u_size - 1), 0).r;
}
ivec2 entry(uint id) { return ivec2(int(id % 256u), int(id / 256u)); }
uint departementOf(uint id) { return texelFetch(u_departements, entry(id), 0).r; }
void main() {
  uint id = idAt(v_uv);
  uint d = departementOf(id);
  // one screen pixel right and down, in raster coordinates
  if (d != departementOf(idAt(v_uv + dFdx(v_uv))) || d != departementOf(idAt(v_uv + dFdy(v_uv)))) {
    fragColor = u_border;
    return;
  }
  if (id == 0u) discard;
  vec4 c = texelFetch(u_colors, entry(id), 0);
  if (c.a == 0.0) discard;
  fragColor = vec4(c.rgb, 1.0) * u_opacity;
}`;

/** The départements' borders, as premultiplied floats. */
const BORDER = ((n: number): [number, number, number, number] => [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, 1])(Number.parseInt(BORDER_COLOR.slice(1), 16));

interface GlState {
  program: WebGLProgram;
  buffer: WebGLBuffer;
  ids: WebGLTexture;
  colors: WebGLTexture;
  departements: WebGLTexture;
  loc: Record<'matrix' | 'box' | 'size' | 'opacity' | 'border' | 'idsUnit' | 'colorsUnit' | 'departementsUnit', WebGLUniformLocation | null> & { pos: number };
}

/** A compiled shader; its status is read only if the program fails to link (each read waits for the GPU process). */
function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('overview: cannot create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

/** Uploads with no row padding, flip or premultiplication, restoring MapLibre's unpack state. */
function upload(gl: WebGL2RenderingContext, texture: WebGLTexture, internal: number, format: number, type: number, width: number, height: number, data: ArrayBufferView) {
  const saved = [gl.UNPACK_ALIGNMENT, gl.UNPACK_FLIP_Y_WEBGL, gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL].map((p) => [p, gl.getParameter(p) as number | boolean] as const);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texImage2D(gl.TEXTURE_2D, 0, internal, width, height, 0, format, type, data);
  for (const [p, v] of saved) gl.pixelStorei(p, v as number);
}

/** The overview layer; `setRaster`, `setColors`, `setOpacity` and `setActive` redraw the map. */
export class OverviewLayer implements maplibregl.CustomLayerInterface {
  readonly id = OVERVIEW_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: maplibregl.Map | null = null;
  private gl: GlState | null = null;
  private raster: OverviewRaster | null = null;
  private rasterSent: OverviewRaster | null = null;
  private table: ColorTable | null = null;
  private tableSent: ColorTable | null = null;
  private departements: DepartementTable | null = null;
  private departementsSent: DepartementTable | null = null;
  private opacity = 1;
  private active = false;

  /** The raster drawn (the finest loaded so far for the view), or null. */
  get shown(): OverviewRaster | null {
    return this.raster;
  }

  /** What the layer draws (raster, colours, départements) once it has all three and is active, else null. */
  picture(): OverviewPicture | null {
    const { raster, table, departements } = this;
    return this.active && raster && table && departements ? { raster, table, departements } : null;
  }

  /** True when the layer draws at the map's current zoom (commune level, below the vector zooms). */
  drawsAt(zoom: number): boolean {
    return this.active && zoom < OVERVIEW_MAX_ZOOM;
  }

  setRaster(raster: OverviewRaster): void {
    if (this.raster === raster) return;
    this.raster = raster;
    this.map?.triggerRepaint();
  }

  setColors(table: ColorTable | null): void {
    if (this.table === table) return;
    this.table = table;
    this.map?.triggerRepaint();
  }

  /** The département of each commune number (departementTable), for the borders. */
  setDepartements(table: DepartementTable): void {
    if (this.departements === table) return;
    this.departements = table;
    this.map?.triggerRepaint();
  }

  setOpacity(opacity: number): void {
    if (this.opacity === opacity) return;
    this.opacity = opacity;
    this.map?.triggerRepaint();
  }

  setActive(active: boolean): void {
    if (this.active === active) return;
    this.active = active;
    this.map?.triggerRepaint();
  }

  onAdd(map: maplibregl.Map, gl: WebGL2RenderingContext): void {
    this.map = map;
    const program = gl.createProgram();
    const buffer = gl.createBuffer();
    const ids = gl.createTexture();
    const colors = gl.createTexture();
    const departements = gl.createTexture();
    if (!program || !buffer || !ids || !colors || !departements) throw new Error('overview: cannot allocate WebGL objects');
    const shaders = [compile(gl, gl.VERTEX_SHADER, VERTEX), compile(gl, gl.FRAGMENT_SHADER, FRAGMENT)];
    for (const shader of shaders) gl.attachShader(program, shader);
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      const logs = shaders.map((s) => gl.getShaderInfoLog(s)).filter(Boolean);
      throw new Error(`overview program: ${[gl.getProgramInfoLog(program), ...logs].filter(Boolean).join(' ') || 'link error'}`);
    }
    const u = (name: string) => gl.getUniformLocation(program, name);
    this.gl = {
      program,
      buffer,
      ids,
      colors,
      departements,
      loc: {
        pos: gl.getAttribLocation(program, 'a_pos'),
        matrix: u('u_matrix'),
        box: u('u_box'),
        size: u('u_size'),
        opacity: u('u_opacity'),
        border: u('u_border'),
        idsUnit: u('u_ids'),
        colorsUnit: u('u_colors'),
        departementsUnit: u('u_departements'),
      },
    };
    this.rasterSent = null;
    this.tableSent = null;
    this.departementsSent = null;
  }

  onRemove(_map: maplibregl.Map, gl: WebGL2RenderingContext): void {
    if (this.gl) {
      gl.deleteProgram(this.gl.program);
      gl.deleteBuffer(this.gl.buffer);
      gl.deleteTexture(this.gl.ids);
      gl.deleteTexture(this.gl.colors);
      gl.deleteTexture(this.gl.departements);
    }
    this.gl = null;
    this.map = null;
  }

  render(gl: WebGL2RenderingContext, options: maplibregl.CustomRenderMethodInput): void {
    const s = this.gl;
    const { raster, table, departements, map } = this;
    if (!s || !raster || !table || !departements || !map || !this.drawsAt(map.getZoom())) return;
    const world = worldPixels(raster.z);
    const box = [raster.x0 / world, raster.y0 / world, (raster.x0 + raster.width) / world, (raster.y0 + raster.height) / world];
    if (this.rasterSent !== raster) {
      upload(gl, s.ids, gl.R16UI, gl.RED_INTEGER, gl.UNSIGNED_SHORT, raster.width, raster.height, raster.ids);
      const [x0, y0, x1, y1] = box as [number, number, number, number];
      gl.bindBuffer(gl.ARRAY_BUFFER, s.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([x0, y0, x1, y0, x0, y1, x1, y1]), gl.STATIC_DRAW);
      this.rasterSent = raster;
    }
    if (this.departementsSent !== departements) {
      upload(gl, s.departements, gl.R8UI, gl.RED_INTEGER, gl.UNSIGNED_BYTE, departements.width, departements.height, departements.bytes);
      this.departementsSent = departements;
    }
    if (this.tableSent !== table) {
      upload(gl, s.colors, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, table.width, table.height, table.rgba);
      this.tableSent = table;
    }
    gl.useProgram(s.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, s.ids);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, s.colors);
    gl.activeTexture(gl.TEXTURE2);
    gl.bindTexture(gl.TEXTURE_2D, s.departements);
    gl.uniform1i(s.loc.idsUnit, 0);
    gl.uniform1i(s.loc.colorsUnit, 1);
    gl.uniform1i(s.loc.departementsUnit, 2);
    gl.uniform4f(s.loc.border, ...BORDER);
    gl.uniformMatrix4fv(s.loc.matrix, false, new Float32Array(options.defaultProjectionData.mainMatrix));
    gl.uniform4f(s.loc.box, ...(box as [number, number, number, number]));
    gl.uniform2i(s.loc.size, raster.width, raster.height);
    gl.uniform1f(s.loc.opacity, this.opacity);
    gl.bindBuffer(gl.ARRAY_BUFFER, s.buffer);
    gl.enableVertexAttribArray(s.loc.pos);
    gl.vertexAttribPointer(s.loc.pos, 2, gl.FLOAT, false, 0, 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.disableVertexAttribArray(s.loc.pos);
    gl.activeTexture(gl.TEXTURE0);
  }
}
