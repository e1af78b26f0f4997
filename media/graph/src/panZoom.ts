// Pan (drag the background, or arrow keys with Shift) and zoom (wheel, + and -, 0
// to fit) by rewriting one transform on the viewport group.
export class PanZoom {
  private scale = 1;
  private x = 0;
  private y = 0;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
    private readonly contentWidth: number,
    private readonly contentHeight: number,
  ) {
    svg.removeAttribute('viewBox');
    svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = svg.getBoundingClientRect();
        this.zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false },
    );
    let drag: { x: number; y: number } | undefined;
    svg.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('.node:not(.compound)')) return;
      drag = { x: e.clientX, y: e.clientY };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('dragging');
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      this.panBy(e.clientX - drag.x, e.clientY - drag.y);
      drag = { x: e.clientX, y: e.clientY };
    });
    const end = () => {
      drag = undefined;
      svg.classList.remove('dragging');
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  }

  fit(): void {
    const r = this.svg.getBoundingClientRect();
    const w = r.width || 800;
    const h = r.height || 600;
    this.scale = Math.min(w / Math.max(this.contentWidth, 1), h / Math.max(this.contentHeight, 1), 1.5);
    this.x = (w - this.contentWidth * this.scale) / 2;
    this.y = (h - this.contentHeight * this.scale) / 2;
    this.apply();
  }

  zoomAt(factor: number, cx?: number, cy?: number): void {
    const r = this.svg.getBoundingClientRect();
    const px = cx ?? r.width / 2;
    const py = cy ?? r.height / 2;
    const next = Math.min(4, Math.max(0.1, this.scale * factor));
    const k = next / this.scale;
    this.x = px - (px - this.x) * k;
    this.y = py - (py - this.y) * k;
    this.scale = next;
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  /** Pans so that a point of the content (in layout coordinates) is visible. */
  ensureVisible(x: number, y: number, w: number, h: number): void {
    const r = this.svg.getBoundingClientRect();
    const left = x * this.scale + this.x;
    const top = y * this.scale + this.y;
    const right = left + w * this.scale;
    const bottom = top + h * this.scale;
    let dx = 0;
    let dy = 0;
    if (left < 8) dx = 8 - left;
    else if (right > r.width - 8) dx = r.width - 8 - right;
    if (top < 8) dy = 8 - top;
    else if (bottom > r.height - 8) dy = r.height - 8 - bottom;
    if (dx || dy) this.panBy(dx, dy);
  }

  private apply(): void {
    this.viewport.setAttribute('transform', `translate(${this.x},${this.y}) scale(${this.scale})`);
  }
}
