/**
 * Can this browser draw the map? sigma needs WebGL; without it the page says
 * so instead of failing on a blank canvas.
 */

/** True when a WebGL context can be created (WebGL 2 or 1). */
export function hasWebGL(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl');
    return gl !== null;
  } catch {
    return false;
  }
}

export const NO_WEBGL_MESSAGE =
  'This map needs WebGL, which this browser has turned off or does not support. ' +
  'Enable hardware acceleration (or WebGL) in the browser settings, or open the map in a current Chrome, Firefox or Safari.';
