// Undo and redo as a list of snapshots with a cursor. Snapshots are whole immutable values (a view
// state, a canvas snapshot), so undoing is picking an earlier one: no inverse to get wrong.

export class History<T> {
  private entries: T[];
  private cursor = 0;

  /** `cap`: most snapshots kept; the oldest go first. */
  constructor(
    initial: T,
    private readonly cap = 200,
  ) {
    if (cap < 2) throw new RangeError('a history needs room for at least two snapshots');
    this.entries = [initial];
  }

  /** The snapshot in effect. */
  get current(): T {
    return this.entries[this.cursor] as T;
  }

  /** Records a new snapshot after the current one; whatever could be redone is dropped. */
  push(snapshot: T): void {
    this.entries.length = this.cursor + 1;
    this.entries.push(snapshot);
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
    this.cursor = this.entries.length - 1;
  }

  /** Replaces the current snapshot without making a step (changes that are not undoable). */
  replace(snapshot: T): void {
    this.entries[this.cursor] = snapshot;
  }

  undo(): T | null {
    if (this.cursor === 0) return null;
    this.cursor--;
    return this.current;
  }

  redo(): T | null {
    if (this.cursor >= this.entries.length - 1) return null;
    this.cursor++;
    return this.current;
  }

  canUndo(): boolean {
    return this.cursor > 0;
  }

  canRedo(): boolean {
    return this.cursor < this.entries.length - 1;
  }

  /** Forgets everything but `snapshot`. */
  reset(snapshot: T): void {
    this.entries = [snapshot];
    this.cursor = 0;
  }

  /** Number of snapshots kept (for tests and the UI). */
  get size(): number {
    return this.entries.length;
  }
}
