/** A fixed-size buffer that keeps the newest entries: memory stays flat however long a session runs. */
export class TraceRing<T> {
    private readonly items: (T | undefined)[];
    private next = 0;
    private size = 0;

    constructor(private readonly capacity: number) {
        this.items = new Array<T | undefined>(Math.max(0, capacity));
    }

    push(item: T): void {
        if (this.capacity <= 0) {
            return;
        }
        this.items[this.next] = item;
        this.next = (this.next + 1) % this.capacity;
        if (this.size < this.capacity) {
            this.size++;
        }
    }

    /** Oldest first. */
    toArray(): T[] {
        const start = (this.next - this.size + this.capacity) % this.capacity;
        const out: T[] = [];
        for (let i = 0; i < this.size; i++) {
            out.push(this.items[(start + i) % this.capacity] as T);
        }
        return out;
    }
}
