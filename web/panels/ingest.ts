// Adding a report: pasted text or a dropped file (its bytes, so GBK and Big5 files decode on the
// server), the write token asked once per tab, and the outcome with the report's entities shown.
import { api, token, type IngestDocumentInput, type IngestOutcome } from '../api/index.ts';
import { onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from './bus.ts';
import { button, errorText, h, panel, showError } from './dom.ts';
import type { Workspace } from './workspace.ts';

const ACCEPT = '.txt,.html,.htm,.md';

/** Base64 of bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createIngest(bus: Bus, workspace: Workspace): HTMLElement {
  const { root, body, retitle } = panel('ingest', () => t('ingest.title'));
  const textLabel = h('label', { attrs: { for: 'ingest-text' } });
  const text = h('textarea', { attrs: { id: 'ingest-text', rows: 6 } });
  const fileLabel = h('label', { class: 'drop', attrs: { for: 'ingest-file' } });
  const file = h('input', { attrs: { id: 'ingest-file', type: 'file', accept: ACCEPT } });
  const nameLabel = h('label', { attrs: { for: 'ingest-name' } });
  const name = h('input', { attrs: { id: 'ingest-name', type: 'text', placeholder: 'report.txt' } });
  const tokenLabel = h('label', { attrs: { for: 'ingest-token' } });
  const tokenInput = h('input', { attrs: { id: 'ingest-token', type: 'password', autocomplete: 'off' } });
  const tokenState = h('p', { class: 'meta' });
  const forget = button('', () => {
    token.clear();
    renderToken();
  });
  const submit = button('', () => void send(), { class: 'primary' });
  submit.id = 'ingest-submit';
  const outcome = h('div', { class: 'outcome', attrs: { 'aria-live': 'polite', id: 'ingest-outcome' } });
  let bytes: Uint8Array | null = null;

  const tokenRow = h('div', { class: 'field' }, [tokenLabel, tokenInput]);
  body.append(
    h('div', { class: 'field' }, [textLabel, text]),
    h('div', { class: 'field' }, [fileLabel, file]),
    h('div', { class: 'field' }, [nameLabel, name]),
    tokenRow,
    h('div', { class: 'actions' }, [submit, forget]),
    tokenState,
    outcome,
  );

  async function takeFile(chosen: File): Promise<void> {
    bytes = new Uint8Array(await chosen.arrayBuffer());
    name.value = chosen.name;
    text.value = '';
  }
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void takeFile(chosen);
  });
  for (const target of [fileLabel, text]) {
    target.addEventListener('dragover', (event) => {
      event.preventDefault();
      fileLabel.classList.add('over');
    });
    target.addEventListener('dragleave', () => fileLabel.classList.remove('over'));
    target.addEventListener('drop', (event) => {
      event.preventDefault();
      fileLabel.classList.remove('over');
      const dropped = (event as DragEvent).dataTransfer?.files[0];
      if (dropped) void takeFile(dropped);
    });
  }
  text.addEventListener('input', () => {
    bytes = null;
  });

  function renderToken(): void {
    const has = token.get() !== null;
    tokenRow.hidden = has;
    forget.hidden = !has;
    tokenState.textContent = has ? t('ingest.tokenSet') : '';
  }

  function show(result: IngestOutcome): void {
    const status = t(`ingest.${result.status}`);
    outcome.replaceChildren(
      h('p', {
        class: `status status-${result.status}`,
        attrs: { 'data-status': result.status },
        text: t('ingest.outcome', {
          status,
          documentId: result.documentId,
          entities: result.entities.length,
          relations: result.relationCount,
        }),
      }),
    );
    if (result.status !== 'REFUSED') {
      outcome.append(
        h('p', {}, [
          h('a', {
            text: t('ingest.open'),
            attrs: { href: '#', id: 'ingest-open' },
            on: {
              click: (event) => {
                event.preventDefault();
                bus.emit('document', { id: result.documentId });
              },
            },
          }),
        ]),
      );
    }
    if (result.reason) outcome.append(h('p', { class: 'reason', text: result.reason }));
    if (result.diagnostics.length)
      outcome.append(
        h(
          'ul',
          {},
          result.diagnostics.map((d) => h('li', { text: `${d.code} @${d.offset}: ${d.message}` })),
        ),
      );
  }

  async function send(): Promise<void> {
    if (tokenInput.value.trim()) {
      token.set(tokenInput.value.trim());
      tokenInput.value = '';
      renderToken();
    }
    const input: IngestDocumentInput = { fileName: name.value.trim() || null };
    if (bytes) input.contentBase64 = toBase64(bytes);
    else if (text.value.trim()) input.text = text.value;
    else return;
    outcome.replaceChildren(h('p', { class: 'hint', text: t('loading') }));
    try {
      const result = await api.ingest(input);
      show(result);
      if (result.status === 'REFUSED') return;
      bus.emit('graphChanged', {});
      const ids = result.entities.map((e) => e.id);
      if (ids.length) await workspace.addEntities(ids, { select: false });
    } catch (error) {
      const { text, detail } = errorText(error);
      showError(outcome, text, detail);
    }
  }

  const relabel = () => {
    retitle();
    textLabel.textContent = t('ingest.text');
    fileLabel.textContent = t('ingest.file');
    nameLabel.textContent = t('ingest.fileName');
    tokenLabel.textContent = t('ingest.token');
    forget.textContent = t('ingest.forget');
    submit.textContent = t('ingest.submit');
    renderToken();
  };
  onLanguageChange(relabel);
  relabel();
  return root;
}
