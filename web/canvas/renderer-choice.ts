// Which renderer the browser can afford: WebGL only on a hardware GPU. Software rasterizers
// (SwiftShader, llvmpipe) make WebGL slower than the 2D canvas, so they never get it.

export interface GpuInfo {
  /** WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL, or the plain RENDERER, or null without WebGL. */
  renderer: string | null;
  /** True when a GPU that is not a software rasterizer answered. */
  hardware: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

/** True for renderer strings of software rasterizers (or no renderer at all). */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer === null || SOFTWARE.test(renderer);
}

/** Asks a throwaway WebGL context who renders it. */
export function detectGpu(doc: Document = document): GpuInfo {
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { renderer: null, hardware: false };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, hardware: !isSoftwareRenderer(renderer) };
  } catch {
    return { renderer: null, hardware: false };
  }
}
