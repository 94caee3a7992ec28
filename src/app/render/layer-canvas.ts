/**
 * Canvas layers of our own over sigma's (cluster names, suggested links):
 * sigma sizes only the layers it made, so ours follow its frame here.
 */

/** Sizes `canvas` to sigma's `width` x `height` at the device's pixel ratio (only when they changed); returns the ratio. */
export function fitLayerCanvas(canvas: HTMLCanvasElement, width: number, height: number): number {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  return ratio;
}
