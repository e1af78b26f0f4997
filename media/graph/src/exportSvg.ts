// Export as SVG: a standalone copy of the drawing whose colours are the theme's
// current ones, written as presentation attributes (the file has no VS Code around
// it to resolve the theme variables, and needs no stylesheet).
const PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'];

export function exportSvg(rendered: SVGSVGElement, width: number, height: number): string {
  const copy = rendered.cloneNode(true) as SVGSVGElement;
  const originals = [rendered, ...rendered.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const style = getComputedStyle(el);
    for (const p of PROPS) {
      const v = style.getPropertyValue(p);
      if (v) copies[i].setAttribute(p, v);
    }
    copies[i].removeAttribute('tabindex');
  });
  copy.querySelector('.viewport')?.removeAttribute('transform');
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const background = getComputedStyle(document.body).backgroundColor;
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
