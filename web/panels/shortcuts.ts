// Keyboard shortcuts: Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, "/" focuses the search,
// Delete hides the selected entity, "+"/"-" zoom, "f" fits, "e" expands the selection.
import type { CanvasActions } from './toolbar.ts';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function installShortcuts(actions: CanvasActions): void {
  document.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'z' && !typing(event.target)) {
      event.preventDefault();
      if (event.shiftKey) actions.redo();
      else actions.undo();
      return;
    }
    if (mod && event.key.toLowerCase() === 'y' && !typing(event.target)) {
      event.preventDefault();
      actions.redo();
      return;
    }
    if (mod || event.altKey || typing(event.target)) return;
    const id = actions.selection();
    switch (event.key) {
      case '/':
        event.preventDefault();
        document.getElementById('search-input')?.focus();
        break;
      case 'Delete':
        if (id) actions.hide(id);
        break;
      case '+':
      case '=':
        actions.zoom(1.25);
        break;
      case '-':
        actions.zoom(0.8);
        break;
      case 'f':
        actions.fit();
        break;
      case 'e':
        if (id) actions.expand(id);
        break;
      default:
        return;
    }
  });
}
